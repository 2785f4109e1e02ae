/* Terms of use: GET /api/v1/terms for everyone; a signed-in professional accepts them (POST /api/v1/me/terms-acceptance). */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('terms-form');
  var box = document.getElementById('terms-text');
  var version = null;
  M.api('GET', '/api/v1/terms', null, { auth: false }).then(function (answer) {
    if (!answer.ok) { box.textContent = answer.body.detail || 'Les conditions ne sont pas disponibles pour le moment.'; return; }
    version = answer.body.version;
    M.text('terms-version', 'Version ' + version);
    box.innerHTML = '';
    String(answer.body.text || '').split(/\n\s*\n/).forEach(function (paragraph) {
      var p = document.createElement('p');
      p.textContent = paragraph.trim();
      box.appendChild(p);
    });
    form.hidden = !M.token();
  }).catch(function () { box.textContent = M.UNAVAILABLE; });
  M.onSubmit(form, function (data) {
    if (!data.accept) {
      M.clearErrors(form);
      M.fieldError(form, 'accept', 'Cochez la case pour accepter les conditions générales d’utilisation.');
      M.summary(form, 'Acceptation requise', [{ text: 'Cochez la case pour accepter les conditions générales d’utilisation.', id: 'accept' }]);
      return;
    }
    return M.api('POST', '/api/v1/me/terms-acceptance', { version: version }).then(function (answer) {
      if (answer.ok) { window.location.assign('/mon-compte'); } else { M.showProblem(form, answer.body); }
    });
  });
})();
