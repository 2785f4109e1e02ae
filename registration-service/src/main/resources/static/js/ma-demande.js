/* Where my request stands (GET /api/v1/me): the status in plain French, the address once known, a refusal's reason. */
(function () {
  'use strict';
  var M = window.Medimail;
  if (!M.requireSession()) { return; }
  var EXPLANATIONS = {
    EMAIL_CONFIRMATION_PENDING: 'Ouvrez le lien reçu par e-mail pour confirmer votre adresse.',
    EMAIL_CONFIRMED: 'Complétez votre profil professionnel pour que votre identité puisse être vérifiée.',
    IDENTITY_CHECK_PENDING: 'Votre identifiant est comparé à l’annuaire national des professionnels de santé. '
      + 'Cela prend en général quelques instants ; si un doute subsiste, le centre de services vérifie lui-même.',
    IDENTITY_REJECTED: 'Votre identité professionnelle n’a pas pu être vérifiée. Lisez le motif ci-dessous, corrigez votre profil puis validez-le à nouveau.',
    VALIDATION_PENDING: 'Votre identité est vérifiée et votre adresse MSSanté réservée. Le centre de services valide votre compte sous 24 à 48 heures ; un e-mail vous préviendra.',
    VALIDATED: 'Votre compte est ouvert : votre messagerie sécurisée de santé est prête.',
    REJECTED: 'Le centre de services n’a pas validé votre demande. Lisez le motif ci-dessous ; vous pouvez corriger votre profil et le soumettre à nouveau.'
  };
  M.api('GET', '/api/v1/me').then(function (answer) {
    if (!answer.ok) { document.getElementById('load-problem').hidden = false; return; }
    var me = answer.body;
    document.getElementById('request').hidden = false;
    M.text('name', me.firstName + ' ' + me.lastName);
    M.text('status', M.STATUS[me.status] || me.status);
    M.text('status-explanation', EXPLANATIONS[me.status] || '');
    if (me.mssAddress) {
      document.getElementById('address-box').hidden = false;
      M.text('address', me.mssAddress);
      M.text('mailbox-type', me.mailboxType === 'INT' ? '(boîte aux lettres interne, INT)' : '(boîte aux lettres personnelle, PER)');
    }
    if (me.rejectionReason && (me.status === 'IDENTITY_REJECTED' || me.status === 'REJECTED')) {
      document.getElementById('refusal').hidden = false;
      M.text('refusal-reason', me.rejectionReason);
    }
    var canSubmit = ['EMAIL_CONFIRMED', 'IDENTITY_REJECTED', 'REJECTED'].indexOf(me.status) >= 0;
    document.getElementById('go-profile').hidden = !canSubmit;
    if (me.status !== 'EMAIL_CONFIRMED') { M.text('go-profile-link', 'Corriger mon profil professionnel'); }
    document.getElementById('go-account').hidden = me.status !== 'VALIDATED';
  }).catch(function () { document.getElementById('load-problem').hidden = false; });
})();
