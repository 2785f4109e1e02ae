/* Check your mailbox: POST /api/v1/email-confirmations/resend (always 202, whether or not the address has an account). */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('resend-form');
  var pending = sessionStorage.getItem('medimail.pendingEmail');
  if (pending) {
    form.email.value = pending;
    M.text('sent-to', ' à ' + pending);
  }
  M.onSubmit(form, function (data) {
    return M.api('POST', '/api/v1/email-confirmations/resend', data, { auth: false }).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(form);
        M.say(document.getElementById('resend-outcome'), 'success', 'Demande prise en compte',
          'Si cette adresse attend une confirmation, un nouveau lien vient d’y être envoyé par cerbere@mipih.fr. '
          + 'Un nouveau lien ne peut être demandé qu’une fois par minute.');
      } else {
        M.showProblem(form, answer.body);
      }
    });
  });
})();
