/* Reset page opened from the e-mailed link: POST /api/v1/password-resets/confirmation; every session is then revoked. */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('reset-form');
  var token = new URLSearchParams(window.location.search).get('token');
  // The token is a secret: out of the address bar (and of the history) as soon as it has been read.
  window.history.replaceState(null, '', window.location.pathname);
  form.token.value = token || '';
  if (!token) {
    M.summary(form, 'Lien incomplet', [{ text: 'Ce lien ne contient pas de jeton. Ouvrez le lien exact reçu par e-mail, ou demandez-en un nouveau.' }]);
  }
  M.onSubmit(form, function (data) {
    return M.api('POST', '/api/v1/password-resets/confirmation', data, { auth: false }).then(function (answer) {
      if (answer.ok) {
        M.signOut();
        form.hidden = true;
        var outcome = document.getElementById('reset-outcome');
        M.say(outcome, 'success', 'Votre mot de passe est changé', 'Connectez-vous avec votre nouveau mot de passe.');
        var p = document.createElement('p');
        p.innerHTML = '<a class="fr-btn fr-mt-2w" href="/connexion">Se connecter</a>';
        outcome.appendChild(p);
      } else {
        M.showProblem(form, answer.body);
      }
    });
  });
})();
