/*
 * Shared by every page: calls to the JSON API, the session token (sessionStorage: it never travels in a cookie, so a
 * forged cross-site request carries no session), field errors shown next to their field and announced, and a French
 * message when the server does not answer.
 */
window.Medimail = (function () {
  'use strict';
  var TOKEN = 'medimail.accessToken';
  var UNAVAILABLE = 'Le service ne répond pas pour le moment. Vérifiez votre connexion, puis réessayez dans quelques instants. '
    + 'Ce que vous avez saisi est conservé.';

  var STATUS = {
    EMAIL_CONFIRMATION_PENDING: 'En attente de la confirmation de votre adresse e-mail',
    EMAIL_CONFIRMED: 'Adresse e-mail confirmée : votre profil professionnel est attendu',
    IDENTITY_CHECK_PENDING: 'Vérification de votre identité professionnelle en cours',
    IDENTITY_REJECTED: 'Identité professionnelle non vérifiée : corrigez votre profil professionnel',
    VALIDATION_PENDING: 'En cours de validation par le centre de services (24 à 48 heures)',
    VALIDATED: 'Compte validé',
    REJECTED: 'Demande refusée par le centre de services'
  };

  function token() { return sessionStorage.getItem(TOKEN); }
  function signIn(accessToken) { sessionStorage.setItem(TOKEN, accessToken); }
  function signOut() { sessionStorage.removeItem(TOKEN); }

  /** Pages reserved to a signed-in professional send the others to the login page. */
  function requireSession() {
    if (!token()) {
      window.location.replace('/connexion');
      return false;
    }
    return true;
  }

  /** fetch with JSON in and out; resolves {status, ok, body}; rejects only when the server does not answer. */
  function api(method, url, body, options) {
    options = options || {};
    var headers = { 'Accept': 'application/json, application/problem+json' };
    if (body !== undefined && body !== null) { headers['Content-Type'] = 'application/json'; }
    if (options.auth !== false && token()) { headers['Authorization'] = 'Bearer ' + token(); }
    return fetch(url, {
      method: method, headers: headers, credentials: 'omit',
      body: body === undefined || body === null ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var parsed = {};
        try { parsed = text ? JSON.parse(text) : {}; } catch (e) { parsed = {}; }
        if (response.status === 401 && options.auth !== false && token()) {
          signOut();
          window.location.replace('/connexion?expiree');
        }
        return { status: response.status, ok: response.ok, body: parsed, headers: response.headers };
      });
    });
  }

  function meta(name) {
    var element = document.querySelector('meta[name="medimail:' + name + '"]');
    return element ? element.getAttribute('content') : '';
  }

  /** The form's fields as JSON: "address.city" nests, checkboxes are booleans, radios give the checked value. */
  function fields(form) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!element.name || element.disabled || element.type === 'submit' || element.type === 'button') { return; }
      if (element.type === 'radio' && !element.checked) { return; }
      var value = element.type === 'checkbox' ? element.checked : element.value;
      var path = element.name.split('.');
      var target = data;
      for (var i = 0; i < path.length - 1; i++) { target = target[path[i]] = target[path[i]] || {}; }
      target[path[path.length - 1]] = value;
    });
    return data;
  }

  function fieldElement(form, name) {
    return form.querySelector('[name="' + name + '"]:not([type="radio"])') || form.querySelector('[data-field="' + name + '"]');
  }

  function groupOf(element) {
    return element.closest('.fr-input-group, .fr-select-group, .fr-fieldset, .fr-checkbox-group, .fr-password');
  }

  function messagesOf(element) {
    var group = groupOf(element);
    return group ? group.querySelector('[data-role="messages"]') : null;
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error]').forEach(function (m) { m.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (e) { e.removeAttribute('aria-invalid'); });
    ['fr-input-group--error', 'fr-select-group--error', 'fr-fieldset--error', 'fr-checkbox-group--error', 'fr-password--error',
      'fr-input--error', 'fr-select--error'].forEach(function (c) {
      form.querySelectorAll('.' + c).forEach(function (e) { e.classList.remove(c); });
    });
    var summary = form.querySelector('[data-role="errors"]');
    if (summary) { summary.hidden = true; }
  }

  /** One field's message next to it (aria-describedby points at its messages box), without touching the summary. */
  function fieldError(form, name, message) {
    var element = fieldElement(form, name);
    if (!element) { return false; }
    var box = messagesOf(element);
    if (!box) { return false; }
    var p = document.createElement('p');
    p.className = 'fr-message fr-message--error';
    p.setAttribute('data-error', '');
    p.textContent = message;
    box.appendChild(p);
    var group = groupOf(element);
    if (group.classList.contains('fr-input-group')) { group.classList.add('fr-input-group--error'); }
    if (group.classList.contains('fr-select-group')) { group.classList.add('fr-select-group--error'); }
    if (group.classList.contains('fr-fieldset')) { group.classList.add('fr-fieldset--error'); }
    if (group.classList.contains('fr-checkbox-group')) { group.classList.add('fr-checkbox-group--error'); }
    if (element.classList.contains('fr-input')) { element.classList.add('fr-input--error'); }
    if (element.classList.contains('fr-select')) { element.classList.add('fr-select--error'); }
    if (element.matches('input, select, textarea')) { element.setAttribute('aria-invalid', 'true'); }
    return true;
  }

  function clearFieldError(form, name) {
    var element = fieldElement(form, name);
    if (!element) { return; }
    var box = messagesOf(element);
    if (box) { box.querySelectorAll('[data-error]').forEach(function (m) { m.remove(); }); }
    element.removeAttribute('aria-invalid');
    var group = groupOf(element);
    ['fr-input-group--error', 'fr-select-group--error', 'fr-fieldset--error'].forEach(function (c) { group.classList.remove(c); });
    element.classList.remove('fr-input--error', 'fr-select--error');
  }

  /** The summary at the top of the form: announced (role=alert), focused, each line a link to its field. */
  function summary(form, title, lines) {
    var box = form.querySelector('[data-role="errors"]');
    if (!box) { return; }
    box.querySelector('.fr-alert__title').textContent = title;
    var text = box.querySelector('[data-role="errors-text"]');
    text.innerHTML = '';
    lines.forEach(function (line) {
      var p = document.createElement('p');
      if (line.id) {
        var a = document.createElement('a');
        a.href = '#' + line.id;
        a.textContent = line.text;
        p.appendChild(a);
      } else {
        p.textContent = line.text;
      }
      text.appendChild(p);
    });
    box.hidden = false;
    box.focus();
  }

  /** An API refusal: each field error next to its field, all of them in the summary; passwords are emptied. */
  function showProblem(form, problem) {
    clearErrors(form);
    var lines = [];
    (problem.errors || []).forEach(function (error) {
      var shown = fieldError(form, error.field, error.message);
      var element = shown ? fieldElement(form, error.field) : null;
      lines.push({ text: error.message, id: element && element.id ? element.id : null });
    });
    if (!lines.length) { lines.push({ text: problem.detail || 'La demande n’a pas abouti. Réessayez dans quelques instants.' }); }
    form.querySelectorAll('input[type="password"]').forEach(function (p) { p.value = ''; });
    summary(form, problem.errors && problem.errors.length ? (problem.detail || 'Certains champs sont à corriger.')
      : 'La demande n’a pas abouti', lines);
  }

  function showUnavailable(form) {
    clearErrors(form);
    summary(form, 'Service momentanément indisponible', [{ text: UNAVAILABLE }]);
  }

  /** Binds a form's submit to a handler returning a promise; the button is disabled meanwhile. */
  function onSubmit(form, handler) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = form.querySelector('[type="submit"]');
      if (button) { button.disabled = true; }
      Promise.resolve().then(function () { return handler(fields(form)); })
        .catch(function () { showUnavailable(form); })
        .then(function () { if (button) { button.disabled = false; } });
    });
  }

  /** A message box of the page (role=status): for outcomes that are not errors. */
  function say(element, kind, title, text) {
    element.hidden = false;
    element.className = 'fr-alert fr-alert--' + kind + ' fr-mb-3w';
    element.innerHTML = '<h2 class="fr-alert__title"></h2><p></p>';
    element.querySelector('h2').textContent = title;
    element.querySelector('p').textContent = text;
  }

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) { element.textContent = value == null ? '' : value; }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var signedIn = !!token();
    document.querySelectorAll('[data-when]').forEach(function (element) {
      element.hidden = (element.getAttribute('data-when') === 'signed-in') !== signedIn;
    });
  });

  return {
    STATUS: STATUS, UNAVAILABLE: UNAVAILABLE, api: api, meta: meta, token: token, signIn: signIn, signOut: signOut,
    requireSession: requireSession, fields: fields, clearErrors: clearErrors, fieldError: fieldError,
    clearFieldError: clearFieldError, summary: summary, showProblem: showProblem, showUnavailable: showUnavailable,
    onSubmit: onSubmit, say: say, text: text
  };
})();
