/* Asks before a staff decision is sent: forms carry their question in data-confirm (no inline script: the CSP forbids it). */
document.addEventListener('submit', function (event) {
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
