/* Forgotten password: POST /api/v1/password-resets (always 202: nobody learns whether an address has an account). */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('forgot-form');
  M.onSubmit(form, function (data) {
    return M.api('POST', '/api/v1/password-resets', data, { auth: false }).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(form);
        M.say(document.getElementById('forgot-outcome'), 'success', 'Demande prise en compte',
          'Si un compte correspond à cette adresse, un lien pour choisir un nouveau mot de passe vient d’y être envoyé. Il est valable une heure.');
      } else {
        M.showProblem(form, answer.body);
      }
    });
  });
})();
