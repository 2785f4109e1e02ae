/*
 * The e-mailed link opens this page; the page itself confirms nothing (mail scanners that prefetch links must not consume
 * the token): this script posts the token to the API and shows the outcome.
 */
(function () {
  'use strict';
  var M = window.Medimail;
  var outcome = document.getElementById('outcome');
  var token = new URLSearchParams(window.location.search).get('token');
  // The token is a secret: it leaves the address bar as soon as it has been read.
  window.history.replaceState(null, '', window.location.pathname);
  function show(kind, title, text, login, resend) {
    M.say(outcome, kind, title, text);
    document.getElementById('go-login').hidden = !login;
    document.getElementById('go-resend').hidden = !resend;
  }
  if (!token) {
    show('error', 'Lien incomplet', 'Ce lien ne contient pas de jeton de confirmation. Ouvrez le lien exact reçu par e-mail.', false, true);
    return;
  }
  M.api('POST', '/api/v1/email-confirmations', { token: token }, { auth: false }).then(function (answer) {
    var code = answer.body.code || ((answer.body.errors || [])[0] || {}).code;
    if (answer.ok) {
      show('success', 'Votre adresse e-mail est confirmée',
        'Connectez-vous avec votre adresse e-mail et votre mot de passe pour compléter votre profil professionnel.', true, false);
    } else if (code === 'TOKEN_EXPIRED') {
      show('error', 'Ce lien a expiré',
        'Le lien de confirmation n’est valable que 24 heures. Demandez un nouveau lien : il vous sera envoyé à la même adresse.', false, true);
    } else if (code === 'TOKEN_INVALID') {
      show('error', 'Ce lien n’est pas valide ou a déjà été utilisé',
        'Si vous avez déjà confirmé votre adresse, connectez-vous. Si vous avez demandé un nouveau lien, utilisez celui du message le plus récent.', true, true);
    } else {
      show('error', 'La confirmation n’a pas abouti', answer.body.detail || 'Réessayez dans quelques instants.', false, false);
    }
  }).catch(function () {
    show('error', 'Service momentanément indisponible', 'Rechargez la page dans quelques instants pour réessayer.', false, false);
  });
})();
