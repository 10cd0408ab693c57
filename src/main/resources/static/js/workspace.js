// Pactum workspace: forms that talk to the REST API (problem+json field errors shown inline, in the page's language),
// buttons that POST to it, and the customer picker. Pages work without this file except for those forms.
(function () {
  'use strict';

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = {
      'Accept': 'application/json, application/problem+json',
      'Accept-Language': document.documentElement.lang || 'zh-CN'
    };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  function post(url, body, extraHeaders) {
    var headers = csrfHeaders();
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    Object.keys(extraHeaders || {}).forEach(function (k) { headers[k] = extraHeaders[k]; });
    return fetch(url, {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
        return { ok: response.ok, status: response.status, body: json };
      });
    });
  }

  // name="terms.liabilityCap" → {terms: {liabilityCap: ...}}; empty text → null; checkbox → boolean.
  function formJson(form) {
    var result = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.hasAttribute('data-ignore') || el.type === 'submit' || el.type === 'button') {
        return;
      }
      var value = el.type === 'checkbox' ? el.checked : (el.value.trim() === '' ? null : el.value.trim());
      var path = el.name.split('.');
      var target = result;
      for (var i = 0; i < path.length - 1; i++) {
        target = target[path[i]] = target[path[i]] || {};
      }
      target[path[path.length - 1]] = value;
    });
    return result;
  }

  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (p) { p.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
    var general = form.querySelector('#form-error');
    if (general) { general.hidden = true; general.textContent = ''; }
  }

  function showProblem(form, problem) {
    var general = form.querySelector('#form-error');
    var unplaced = [];
    (problem && problem.errors || []).forEach(function (error) {
      var slot = form.querySelector('[data-error-for="' + CSS.escape(error.field) + '"]');
      if (slot) {
        slot.textContent = slot.textContent ? slot.textContent + '；' + error.message : error.message;
        var input = form.querySelector('[name="' + CSS.escape(error.field) + '"]');
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', slot.id || '');
        }
      } else {
        unplaced.push(error.field + ': ' + error.message);
      }
    });
    if (general) {
      general.textContent = [problem && (problem.detail || problem.title)].concat(unplaced).filter(Boolean).join(' ');
      general.hidden = false;
    }
    var first = form.querySelector('[aria-invalid="true"]');
    if (first) { first.focus(); }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches('form[data-api]')) {
      return;
    }
    event.preventDefault();
    var then = event.submitter ? event.submitter.value : 'draft';
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    clearErrors(form);
    post(form.getAttribute('data-api'), formJson(form), { 'Idempotency-Key': form.getAttribute('data-idempotency-key') })
      .then(function (drafted) {
        if (!drafted.ok) {
          showProblem(form, drafted.body);
          return;
        }
        var page = '/contracts/' + drafted.body.id;
        if (then !== 'submit') {
          window.location.assign(page);
          return;
        }
        return post('/api/contracts/' + drafted.body.id + '/submit').then(function (submitted) {
          if (!submitted.ok) {
            showProblem(form, submitted.body);
            return;
          }
          window.location.assign(page);
        });
      })
      .catch(function () { showProblem(form, { detail: document.body.getAttribute('data-offline') || 'Network error' }); })
      .finally(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  });

  // <button data-post="/api/..." data-done="/page">: POST, then go to the page or show the problem.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-post]');
    if (button) {
      button.disabled = true;
      post(button.getAttribute('data-post')).then(function (result) {
        if (result.ok) {
          window.location.assign(button.getAttribute('data-done') || window.location.href);
          return;
        }
        var slot = document.getElementById('action-error');
        slot.textContent = result.body && (result.body.detail || result.body.title) || String(result.status);
        slot.hidden = false;
        button.disabled = false;
      });
      return;
    }
    var suggestion = event.target.closest('.suggestion');
    if (suggestion) {
      var picker = suggestion.closest('.customer-picker');
      picker.querySelector('input[type="hidden"]').value = suggestion.getAttribute('data-id');
      picker.querySelector('input[name="q"]').value = suggestion.getAttribute('data-name');
      picker.querySelector('#customer-options').innerHTML = '';
    }
  });

  // A template implies its contract type (sales-standard → SALES); the type can still be changed after.
  document.addEventListener('change', function (event) {
    if (event.target.id === 'templateKey') {
      var type = event.target.selectedOptions[0] && event.target.selectedOptions[0].getAttribute('data-type');
      var select = document.getElementById('type');
      if (type && select.querySelector('option[value="' + type + '"]')) {
        select.value = type;
      }
    }
  });

  // Typing into the customer field forgets the customer picked before.
  document.addEventListener('input', function (event) {
    if (event.target.matches('.customer-picker input[name="q"]')) {
      event.target.closest('.customer-picker').querySelector('input[type="hidden"]').value = '';
    }
  });
})();
