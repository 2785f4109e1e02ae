/*
 * The professional profile (first submission or correction after a refusal): PUT /api/v1/me/professional-profile.
 * Lists come from the API (professions with their specialties, regions); the identifier is checked as it is typed by
 * identity-verification-service and the MSSanté address previewed by mss-address-service, both called directly by the
 * browser (they allow this page's origin by CORS): registration-service never calls another service.
 */
(function () {
  'use strict';
  var M = window.Medimail;
  if (!M.requireSession()) { return; }
  var form = document.getElementById('profile-form');
  var TYPES = {
    NATIONAL_ID: [['RPPS', 'RPPS (11 chiffres)'], ['ADELI', 'ADELI (9 chiffres)']],
    FOREIGN_OR_IN_TRAINING: [['FINESS', 'FINESS de l’établissement (9 caractères)'], ['SIRET', 'SIRET (14 chiffres)'], ['SIREN', 'SIREN (9 chiffres)']]
  };
  var LABELS = { RPPS: 'Identifiant RPPS', ADELI: 'Numéro ADELI', FINESS: 'Numéro FINESS', SIRET: 'Numéro SIRET', SIREN: 'Numéro SIREN' };
  var HINTS = { RPPS: '11 chiffres, par exemple 10100326495', ADELI: '9 chiffres', FINESS: '9 caractères, par exemple 310000013',
    SIRET: '14 chiffres', SIREN: '9 chiffres' };
  var professions = [];
  var me = null;

  function path() { return form.querySelector('input[name="path"]:checked').value; }

  function fillTypes(selected) {
    var select = form.identifierType;
    select.innerHTML = '';
    TYPES[path()].forEach(function (t) {
      var option = document.createElement('option');
      option.value = t[0];
      option.textContent = t[1];
      select.appendChild(option);
    });
    if (selected) { select.value = selected; }
    typeChanged();
  }
  function typeChanged() {
    M.text('identifier-label', LABELS[form.identifierType.value]);
    M.text('identifier-hint', HINTS[form.identifierType.value]);
    M.text('organisation-hint', path() === 'FOREIGN_OR_IN_TRAINING'
      ? 'Le nom de l’établissement dont vous donnez l’identifiant' : 'Le nom de votre cabinet, pharmacie ou établissement');
    checkIdentifier();
  }
  form.querySelectorAll('input[name="path"]').forEach(function (radio) { radio.addEventListener('change', function () { fillTypes(); }); });
  form.identifierType.addEventListener('change', typeChanged);

  function fillSpecialties(selected) {
    var select = form.specialty;
    select.innerHTML = '<option value="">Aucune spécialité</option>';
    var profession = professions.filter(function (p) { return p.code === form.profession.value; })[0];
    (profession ? profession.specialties : []).forEach(function (s) {
      var option = document.createElement('option');
      option.value = s.code;
      option.textContent = s.label;
      select.appendChild(option);
    });
    select.disabled = !profession || !profession.specialties.length;
    if (selected) { select.value = selected; }
  }
  form.profession.addEventListener('change', function () { fillSpecialties(); previewAddress(); });

  function debounce(fn, ms) {
    var timer = null;
    return function () { clearTimeout(timer); timer = setTimeout(fn, ms); };
  }

  // Key and format as the user types (no directory look-up: that happens after submission).
  var lastCheck = 0;
  function checkIdentifier() {
    var value = form.identifier.value.trim();
    var type = form.identifierType.value;
    var box = document.getElementById('identifier-messages');
    var live = box.querySelector('[data-live]');
    if (live) { live.remove(); }
    M.clearFieldError(form, 'identifier');
    if (!value || !type) { return; }
    var ticket = ++lastCheck;
    M.api('POST', M.meta('identity-verification-url') + '/api/v1/identifier-checks', { type: type, value: value }, { auth: false })
      .then(function (answer) {
        if (ticket !== lastCheck || !answer.ok) { return; }
        var p = document.createElement('p');
        p.setAttribute('data-live', '');
        if (answer.body.wellFormed) {
          p.className = 'fr-message fr-message--valid';
          p.textContent = 'Format et clé de contrôle corrects.';
          box.appendChild(p);
        } else {
          M.fieldError(form, 'identifier', answer.body.message || 'Cet identifiant n’est pas valide.');
        }
      }).catch(function () { /* instant feedback only: the submission checks again */ });
  }
  form.identifier.addEventListener('input', debounce(checkIdentifier, 300));

  function previewAddress() {
    if (!me || !form.profession.value) { return; }
    var url = M.meta('mss-address-url') + '/api/v1/mss-addresses/preview?firstName=' + encodeURIComponent(me.firstName)
      + '&lastName=' + encodeURIComponent(me.lastName) + '&profession=' + encodeURIComponent(form.profession.value);
    M.api('GET', url, null, { auth: false }).then(function (answer) {
      M.text('address-preview-value', answer.ok ? answer.body.address + ' (si elle est encore libre)' : 'indisponible pour cette profession');
    }).catch(function () { M.text('address-preview-value', 'aperçu momentanément indisponible'); });
  }

  document.getElementById('add-second-phone').addEventListener('change', function (event) {
    document.getElementById('second-phone-group').hidden = !event.target.checked;
    if (!event.target.checked) { form.secondPhone.value = ''; }
  });

  // The département follows the postal code (Corsica and overseas have their own rules); the user may change it.
  form['address.postalCode'].addEventListener('input', function () {
    var code = form['address.postalCode'].value.trim();
    if (!/^[0-9]{5}$/.test(code)) { return; }
    var department = code.slice(0, 2);
    if (department === '20') { department = parseInt(code, 10) < 20200 ? '2A' : '2B'; }
    if (department === '97' || department === '98') { department = code.slice(0, 3); }
    form['address.department'].value = department;
  });

  function fill(profile) {
    form.querySelector('input[name="path"][value="' + profile.path + '"]').checked = true;
    fillTypes(profile.identifierType);
    form.identifier.value = profile.identifier || '';
    form.profession.value = profile.profession || '';
    fillSpecialties(profile.specialty);
    form.liberal.checked = !!profile.liberal;
    form.phone.value = profile.phone || '';
    if (profile.secondPhone) {
      document.getElementById('add-second-phone').checked = true;
      document.getElementById('second-phone-group').hidden = false;
      form.secondPhone.value = profile.secondPhone;
    }
    var a = profile.address || {};
    form['address.line'].value = a.line || '';
    form['address.postalCode'].value = a.postalCode || '';
    form['address.city'].value = a.city || '';
    form['address.region'].value = a.region || '';
    form['address.department'].value = a.department || '';
    form.organisationName.value = profile.organisationName || '';
    form.serviceName.value = profile.serviceName || '';
    form.directoryVisible.checked = profile.directoryVisible !== false;
    form.paperless.checked = profile.paperless !== false;
  }

  Promise.all([
    M.api('GET', '/api/v1/me'), M.api('GET', '/api/v1/professions', null, { auth: false }),
    M.api('GET', '/api/v1/regions', null, { auth: false }),
    // What Pro Santé Connect vouched for (204 when the account is not linked to it): the profile starts pre-filled.
    M.api('GET', '/api/v1/me/pro-sante-connect')
  ]).then(function (answers) {
    me = answers[0].body;
    if (!answers[0].ok) { return; }
    if (me.status === 'VALIDATED') { window.location.replace('/mon-compte'); return; }
    if (['EMAIL_CONFIRMED', 'IDENTITY_REJECTED', 'REJECTED'].indexOf(me.status) < 0) { window.location.replace('/ma-demande'); return; }
    professions = answers[1].body || [];
    professions.forEach(function (p) {
      var option = document.createElement('option');
      option.value = p.code;
      option.textContent = p.label;
      form.profession.appendChild(option);
    });
    (answers[2].body || []).forEach(function (r) {
      var option = document.createElement('option');
      option.value = r.code;
      option.textContent = r.label;
      form['address.region'].appendChild(option);
    });
    M.text('me-lastName', me.lastName);
    M.text('me-firstName', me.firstName);
    M.text('me-email', me.email);
    form['address.region'].value = me.region || '';
    fillTypes();
    fillSpecialties();
    var vouched = answers[3].status === 200 ? answers[3].body : null;
    if (me.profile) {
      fill(me.profile);
    } else if (vouched && vouched.rpps) {
      var profession = (vouched.professions || [])[0] || '';
      fill({ path: 'NATIONAL_ID', identifierType: 'RPPS', identifier: vouched.rpps, profession: profession,
        specialty: (vouched.specialties || [])[0] || null, liberal: false, phone: '', address: { region: me.region },
        directoryVisible: true, paperless: true });
    }
    if (me.rejectionReason) {
      document.getElementById('correction').hidden = false;
      M.text('correction-reason', me.rejectionReason + ' Corrigez les informations concernées puis validez à nouveau.');
    }
    previewAddress();
  }).catch(function () { M.showUnavailable(form); });

  M.onSubmit(form, function (data) {
    data.specialty = data.specialty || null;
    data.secondPhone = data.secondPhone || null;
    return M.api('PUT', '/api/v1/me/professional-profile', data).then(function (answer) {
      if (answer.ok) { window.location.assign('/ma-demande'); } else { M.showProblem(form, answer.body); }
    });
  });
})();
