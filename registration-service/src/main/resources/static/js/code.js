/* One-time code: POST /api/v1/sessions/otp, resend with POST /api/v1/sessions/otp/resend; then the terms if not yet accepted. */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('code-form');
  var challenge = JSON.parse(sessionStorage.getItem('medimail.challenge') || 'null');
  if (!challenge) { window.location.replace('/connexion'); return; }
  if (challenge.sentTo) { M.text('sent-to', challenge.sentTo); }
  M.onSubmit(form, function (data) {
    return M.api('POST', '/api/v1/sessions/otp', { challengeId: challenge.id, code: data.code.trim() }, { auth: false })
      .then(function (answer) {
        if (answer.ok) {
          sessionStorage.removeItem('medimail.challenge');
          M.signIn(answer.body.accessToken);
          window.location.assign(answer.body.termsAccepted ? '/mon-compte' : '/conditions-utilisation');
        } else {
          var code = answer.body.code || ((answer.body.errors || [])[0] || {}).code;
          if (code === 'OTP_EXPIRED') {
            answer.body = { detail: answer.body.detail || 'Ce code n’est plus valable. Reconnectez-vous pour en recevoir un nouveau.' };
          } else if (!answer.body.errors || !answer.body.errors.length) {
            answer.body.errors = [{ field: 'code', code: code, message: answer.body.detail || 'Code incorrect.' }];
          }
          M.showProblem(form, answer.body);
        }
      });
  });
  document.getElementById('resend').addEventListener('click', function () {
    M.api('POST', '/api/v1/sessions/otp/resend', { challengeId: challenge.id }, { auth: false }).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(form);
        M.say(document.getElementById('code-outcome'), 'success', 'Nouveau code envoyé',
          'Un nouveau code vient de vous être envoyé par e-mail. Un nouveau code ne peut être demandé qu’une fois par minute.');
      } else {
        M.showProblem(form, answer.body);
      }
    }).catch(function () { M.showUnavailable(form); });
  });
})();
