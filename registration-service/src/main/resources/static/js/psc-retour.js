/*
 * Back from Pro Santé Connect: the one-time code is in the URL fragment (never sent to a server). It is removed from the
 * address bar at once, then exchanged (POST /api/v1/psc/handoffs) for a session, a sign-up form (what PSC did not say:
 * e-mail if not asserted, region) or a link form (an account already declares this RPPS).
 */
(function () {
  'use strict';
  var M = window.Medimail;
  var match = /(?:^#|&)code=([^&]+)/.exec(window.location.hash);
  var code = match ? decodeURIComponent(match[1]) : null;
  window.history.replaceState(null, '', window.location.pathname);
  var wait = document.getElementById('psc-wait');

  function fail(message) {
    wait.hidden = true;
    document.getElementById('psc-failed-message').textContent = message
      || 'Cette connexion avec Pro Santé Connect n’est plus valable : identifiez-vous à nouveau.';
    document.getElementById('psc-failed').hidden = false;
  }

  function signedIn(body) {
    M.signIn(body.accessToken);
    var status = body.accountStatus;
    if (status === 'VALIDATED') {
      window.location.assign(body.termsAccepted ? '/mon-compte' : '/conditions-utilisation');
    } else {
      window.location.assign(status === 'EMAIL_CONFIRMED' ? '/profil' : '/ma-demande');
    }
  }

  function follow(answer, form) {
    var body = answer.body || {};
    if (answer.status === 200 && body.outcome === 'SIGNED_IN') {
      signedIn(body);
    } else if (answer.status === 202 && body.outcome === 'EMAIL_CONFIRMATION_SENT') {
      sessionStorage.setItem('medimail.pendingEmail', body.email);
      window.location.assign('/inscription/verifiez-vos-e-mails');
    } else if (answer.status === 200 && body.outcome === 'SIGN_UP_REQUIRED') {
      showIdentity(body.identity);
      showSignUp(body.identity);
    } else if (answer.status === 200 && body.outcome === 'LINK_REQUIRED') {
      showIdentity(body.identity);
      document.getElementById('link-hint').textContent = body.email;
      document.getElementById('psc-link-form').hidden = false;
    } else if (form && body.code !== 'PSC_HANDOFF_INVALID') {
      M.showProblem(form, body);
    } else {
      fail(body.detail);
    }
  }

  function showIdentity(identity) {
    wait.hidden = true;
    document.getElementById('psc-last-name').textContent = identity.lastName;
    document.getElementById('psc-first-name').textContent = identity.firstName;
    document.getElementById('psc-rpps').textContent = identity.rpps;
    document.getElementById('psc-identity').hidden = false;
  }

  function showSignUp(identity) {
    var form = document.getElementById('psc-sign-up-form');
    if (identity.email) {
      document.getElementById('email-group').hidden = true;
      var asserted = document.getElementById('asserted-email');
      asserted.textContent = 'Adresse e-mail transmise par Pro Santé Connect : ' + identity.email;
      asserted.hidden = false;
    }
    M.api('GET', '/api/v1/regions', null, { auth: false }).then(function (answer) {
      var select = document.getElementById('region');
      (answer.body || []).forEach(function (region) {
        if (region.served) {
          var option = document.createElement('option');
          option.value = region.code;
          option.textContent = region.label;
          select.appendChild(option);
        }
      });
    });
    form.hidden = false;
  }

  if (!code) {
    fail();
    return;
  }
  M.api('POST', '/api/v1/psc/handoffs', { code: code }, { auth: false }).then(function (answer) {
    follow(answer, null);
  }, function () { fail('Le service ne répond pas pour le moment : réessayez dans quelques instants.'); });

  var signUpForm = document.getElementById('psc-sign-up-form');
  M.onSubmit(signUpForm, function (data) {
    var body = { code: code, region: data.region };
    if (!document.getElementById('email-group').hidden) { body.email = data.email; }
    return M.api('POST', '/api/v1/psc/sign-ups', body, { auth: false }).then(function (answer) { follow(answer, signUpForm); });
  });
  var linkForm = document.getElementById('psc-link-form');
  M.onSubmit(linkForm, function (data) {
    return M.api('POST', '/api/v1/psc/links', { code: code, email: data.email, password: data.password }, { auth: false })
      .then(function (answer) { follow(answer, linkForm); });
  });
})();
