/* Logout: DELETE /api/v1/sessions/current (the token stops working at once), then the tab forgets it. */
(function () {
  'use strict';
  var M = window.Medimail;
  var outcome = document.getElementById('outcome');
  function done() {
    M.signOut();
    document.querySelectorAll('[data-when]').forEach(function (e) { e.hidden = e.getAttribute('data-when') === 'signed-in'; });
    M.say(outcome, 'success', 'Vous êtes déconnecté', 'Votre session est fermée. À bientôt sur Medimail.');
  }
  if (!M.token()) { done(); return; }
  M.api('DELETE', '/api/v1/sessions/current', null, {}).then(done).catch(done);
})();
