/* Create an account: region first (only served regions open the form), live password policy, then POST /api/v1/registrations. */
(function () {
  'use strict';
  var M = window.Medimail;
  var form = document.getElementById('registration-form');
  var region = document.getElementById('region');
  var personal = document.getElementById('personal');
  var notServed = document.getElementById('region-not-served');
  var served = {};

  function applyRegion() {
    var ok = served[region.value] === true;
    personal.disabled = !ok;
    notServed.hidden = !region.value || ok;
    document.getElementById('personal-hint').hidden = ok;
  }

  M.api('GET', '/api/v1/regions', null, { auth: false }).then(function (answer) {
    (answer.body || []).forEach(function (r) {
      served[r.code] = r.served;
      var option = document.createElement('option');
      option.value = r.code;
      option.textContent = r.served ? r.label : r.label + ' (inscription non ouverte)';
      region.appendChild(option);
    });
    var remembered = sessionStorage.getItem('medimail.region');
    if (remembered && served[remembered] !== undefined) { region.value = remembered; }
    applyRegion();
  }).catch(function () { M.showUnavailable(form); });
  region.addEventListener('change', applyRegion);

  // The address is derived from the names by mss-address-service; this is only a hint of its shape.
  function slug(text) {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae')
      .replace(/['’]/g, '').replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  }
  function preview() {
    var first = slug(form.firstName.value) || 'prenom';
    var last = slug(form.lastName.value) || 'nom';
    M.text('future-address-value', first + '.' + last + '@<profession>.oc.mssante.fr');
  }
  form.firstName.addEventListener('input', preview);
  form.lastName.addEventListener('input', preview);

  function rule(name, ok, empty) {
    var line = form.querySelector('[data-rule="' + name + '"]');
    line.classList.toggle('fr-message--info', empty);
    line.classList.toggle('fr-message--valid', !empty && ok);
    line.classList.toggle('fr-message--error', !empty && !ok);
  }
  function policy() {
    var value = form.password.value;
    var empty = value.length === 0;
    rule('length', Array.from(value).length >= 12, empty);
    rule('letter', /\p{L}/u.test(value), empty);
    rule('digit', /\p{Nd}/u.test(value), empty);
    rule('match', value === form.passwordConfirmation.value, form.passwordConfirmation.value.length === 0);
  }
  form.password.addEventListener('input', policy);
  form.passwordConfirmation.addEventListener('input', policy);

  M.onSubmit(form, function (data) {
    return M.api('POST', '/api/v1/registrations', data, { auth: false }).then(function (answer) {
      if (answer.ok) {
        sessionStorage.setItem('medimail.pendingEmail', data.email);
        window.location.assign('/inscription/verifiez-vos-e-mails');
      } else {
        if (answer.body.code === 'REGION_NOT_SERVED') {
          answer.body.errors = [{ field: 'region', code: 'REGION_NOT_SERVED', message: answer.body.detail }];
        }
        M.showProblem(form, answer.body);
        policy();
      }
    });
  });
})();
