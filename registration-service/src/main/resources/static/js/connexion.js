/*
 * Log in: POST /api/v1/sessions. An account not yet validated gets its token at once (200); a validated account gets a
 * one-time code by e-mail (202 with a challenge), entered on the next page.
 */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('login-form');
  document.getElementById('expired').hidden = !/expiree/.test(window.location.search);
  M.onSubmit(form, function (data) {
    return M.api('POST', '/api/v1/sessions', data, { auth: false }).then(function (answer) {
      if (answer.status === 200 && answer.body.accessToken) {
        M.signIn(answer.body.accessToken);
        var status = answer.body.accountStatus;
        window.location.assign(status === 'EMAIL_CONFIRMED' ? '/profil' : status === 'VALIDATED' ? '/mon-compte' : '/ma-demande');
      } else if (answer.status === 202 && answer.body.challengeId) {
        sessionStorage.setItem('medimail.challenge', JSON.stringify({ id: answer.body.challengeId, sentTo: answer.body.sentTo }));
        window.location.assign('/connexion/code');
      } else if (answer.status === 429) {
        var wait = Math.ceil((parseInt(answer.headers.get('Retry-After'), 10) || 60) / 60);
        M.showProblem(form, { detail: (answer.body.detail || 'Trop de tentatives.') + ' Réessayez dans ' + wait + ' minute(s).' });
      } else if (answer.body.code === 'EMAIL_NOT_CONFIRMED') {
        sessionStorage.setItem('medimail.pendingEmail', data.email);
        M.showProblem(form, { detail: (answer.body.detail || 'Votre adresse e-mail n’est pas encore confirmée.')
          + ' Ouvrez le lien reçu par e-mail, ou demandez-en un nouveau depuis la page « Vérifiez votre messagerie ».' });
      } else {
        M.showProblem(form, answer.body);
      }
    });
  });
})();
