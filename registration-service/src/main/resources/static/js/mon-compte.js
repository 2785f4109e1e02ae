/*
 * The validated account: its MSSanté address, contact details (PATCH /api/v1/me/contact) and, for an INT mailbox, the
 * RPPS that turns it into PER (PUT /api/v1/me/professional-profile with path NATIONAL_ID, the address is kept).
 */
(function () {
  'use strict';
  var M = window.Medimail;
  if (!M.requireSession()) { return; }
  var contact = document.getElementById('contact-form');
  var upgrade = document.getElementById('upgrade-form');
  var me = null;

  function fillContact(profile) {
    var a = profile.address || {};
    contact.phone.value = profile.phone || '';
    contact.secondPhone.value = profile.secondPhone || '';
    contact['address.line'].value = a.line || '';
    contact['address.postalCode'].value = a.postalCode || '';
    contact['address.city'].value = a.city || '';
    contact['address.region'].value = a.region || '';
    contact['address.department'].value = a.department || '';
    contact.directoryVisible.checked = profile.directoryVisible !== false;
    contact.paperless.checked = profile.paperless !== false;
  }

  Promise.all([M.api('GET', '/api/v1/me'), M.api('GET', '/api/v1/regions', null, { auth: false })]).then(function (answers) {
    if (!answers[0].ok) { document.getElementById('load-problem').hidden = false; return; }
    me = answers[0].body;
    if (me.status !== 'VALIDATED') { window.location.replace('/ma-demande'); return; }
    (answers[1].body || []).forEach(function (r) {
      var option = document.createElement('option');
      option.value = r.code;
      option.textContent = r.label;
      contact['address.region'].appendChild(option);
    });
    document.getElementById('account').hidden = false;
    M.text('address', me.mssAddress);
    M.text('mailbox-type', me.mailboxType === 'INT' ? 'Boîte aux lettres interne (INT)' : 'Boîte aux lettres personnelle (PER)');
    M.text('name', me.firstName + ' ' + me.lastName);
    M.text('email', me.email);
    document.getElementById('upgrade').hidden = me.mailboxType !== 'INT';
    if (me.profile) { fillContact(me.profile); }
  }).catch(function () { document.getElementById('load-problem').hidden = false; });

  M.onSubmit(contact, function (data) {
    // An empty second number removes it; every other field is sent as shown.
    return M.api('PATCH', '/api/v1/me/contact', data).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(contact);
        M.say(document.getElementById('contact-outcome'), 'success', 'Coordonnées enregistrées',
          'Vos nouvelles coordonnées sont enregistrées et transmises à l’annuaire.');
      } else {
        M.showProblem(contact, answer.body);
      }
    });
  });

  M.onSubmit(upgrade, function (data) {
    var p = me.profile;
    var body = {
      path: 'NATIONAL_ID', identifierType: 'RPPS', identifier: data.identifier, profession: p.profession, specialty: p.specialty,
      liberal: p.liberal, phone: p.phone, secondPhone: p.secondPhone, address: p.address, organisationName: p.organisationName,
      serviceName: p.serviceName, directoryVisible: p.directoryVisible, paperless: p.paperless
    };
    return M.api('PUT', '/api/v1/me/professional-profile', body).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(upgrade);
        M.say(document.getElementById('upgrade-outcome'), 'success', 'RPPS transmis',
          'Votre RPPS est en cours de vérification. Votre boîte deviendra personnelle (PER) en gardant la même adresse.');
      } else {
        M.showProblem(upgrade, answer.body);
      }
    });
  });
})();
