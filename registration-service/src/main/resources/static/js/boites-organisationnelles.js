/*
 * Organisational mailboxes of a validated account: the list (GET /api/v1/me/organisational-mailboxes), a new request
 * (POST, 202), access given to a colleague (POST …/{id}/members, owner only) and taken away (DELETE
 * …/{id}/members/{email}, owner only, the "Retirer" button beside each member).
 */
(function () {
  'use strict';
  var M = window.Medimail;
  if (!M.requireSession()) { return; }
  var request = document.getElementById('request-form');
  var member = document.getElementById('member-form');
  var STATUS = {
    VALIDATION_PENDING: 'En cours de validation par le centre de services',
    VALIDATED: 'Ouverte',
    REJECTED: 'Refusée',
    CLOSED: 'Fermée par le centre de services'
  };

  function line(label, value) {
    var p = document.createElement('p');
    p.className = 'fr-mb-1v';
    p.textContent = label + value;
    return p;
  }

  function show(mailboxes) {
    var list = document.getElementById('mailboxes');
    var select = document.getElementById('member-mailbox');
    var chosen = select.value;
    list.innerHTML = '';
    select.innerHTML = '';
    document.getElementById('none').hidden = mailboxes.length > 0;
    mailboxes.forEach(function (m) {
      var item = document.createElement('li');
      item.className = 'fr-callout fr-mb-2w';
      item.setAttribute('data-request-id', m.requestId);
      var title = document.createElement('h3');
      title.className = 'fr-callout__title';
      title.textContent = m.label;
      item.appendChild(title);
      item.appendChild(line('Statut : ', STATUS[m.status] || m.status));
      item.appendChild(line(m.status === 'VALIDATED' ? 'Adresse : ' : 'Adresse proposée : ', m.address || 'en cours d’attribution'));
      item.appendChild(line('Structure : ', m.structureIdentifierType + ' ' + m.structureIdentifier));
      if (m.rejectionReason) { item.appendChild(line('Motif : ', m.rejectionReason)); }
      if (!m.owner) { item.appendChild(line('Accès donné par son titulaire', '')); }
      if (m.members && m.members.length) {
        if (m.owner && m.status === 'VALIDATED') {
          item.appendChild(line('Ont accès :', ''));
          item.appendChild(memberList(m));
        } else {
          item.appendChild(line('Ont accès : ', m.members.join(', ')));
        }
      }
      list.appendChild(item);
      if (m.owner && m.status === 'VALIDATED') {
        var option = document.createElement('option');
        option.value = m.requestId;
        option.textContent = m.label + ' — ' + m.address;
        select.appendChild(option);
      }
    });
    if (chosen) { select.value = chosen; }
    document.getElementById('member-section').hidden = select.options.length === 0;
  }

  /** The members of a mailbox its owner manages, each with a "Retirer" button (its accessible name names the member). */
  function memberList(mailbox) {
    var members = document.createElement('ul');
    mailbox.members.forEach(function (email) {
      var entry = document.createElement('li');
      entry.appendChild(document.createTextNode(email + ' '));
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'fr-btn fr-btn--sm fr-btn--tertiary fr-ml-1w';
      remove.textContent = 'Retirer';
      remove.setAttribute('aria-label', 'Retirer l’accès de ' + email);
      remove.addEventListener('click', function () { removeMember(mailbox, email, remove); });
      entry.appendChild(remove);
      members.appendChild(entry);
    });
    return members;
  }

  function removeMember(mailbox, email, button) {
    button.disabled = true;
    var outcome = document.getElementById('mailboxes-outcome');
    return M.api('DELETE', '/api/v1/me/organisational-mailboxes/' + encodeURIComponent(mailbox.requestId) + '/members/'
      + encodeURIComponent(email)).then(function (answer) {
      if (answer.ok) {
        M.say(outcome, 'success', 'Accès retiré',
          email + ' n’a plus accès à la boîte « ' + mailbox.label + ' » ; il en est prévenu par e-mail.');
      } else {
        M.say(outcome, 'error', 'Accès non retiré', (answer.body && answer.body.detail)
          || 'Le service ne répond pas pour le moment. Réessayez dans quelques instants.');
      }
      return load();
    }).catch(function () {
      button.disabled = false;
      M.say(outcome, 'error', 'Accès non retiré', 'Le service ne répond pas pour le moment. Réessayez dans quelques instants.');
    });
  }

  function load() {
    return M.api('GET', '/api/v1/me/organisational-mailboxes').then(function (answer) {
      if (answer.status === 403) { window.location.replace('/ma-demande'); return; }
      if (!answer.ok) { document.getElementById('load-problem').hidden = false; return; }
      show(answer.body || []);
    }).catch(function () { document.getElementById('load-problem').hidden = false; });
  }

  M.onSubmit(request, function (data) {
    return M.api('POST', '/api/v1/me/organisational-mailboxes', data).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(request);
        request.reset();
        M.say(document.getElementById('request-outcome'), 'success', 'Demande envoyée',
          'Votre demande est transmise : la structure est vérifiée, puis le centre de services l’examine (24 à 48 heures).'
          + ' Vous serez prévenu par e-mail.');
        return load();
      }
      M.showProblem(request, answer.body);
    });
  });

  M.onSubmit(member, function (data) {
    return M.api('POST', '/api/v1/me/organisational-mailboxes/' + encodeURIComponent(data.mailbox) + '/members',
      { email: data.email }).then(function (answer) {
      if (answer.ok) {
        M.clearErrors(member);
        member.email.value = '';
        M.say(document.getElementById('member-outcome'), 'success', 'Accès donné',
          'Ce professionnel a désormais accès à la boîte ; il en est prévenu par e-mail.');
        return load();
      }
      M.showProblem(member, answer.body);
    });
  });

  load();
  // The structure check and staff's decision arrive in the background: the list follows them while the page is open.
  window.setInterval(load, 5000);
})();
