// The editor page: send the article to POST /api/report, show the HTML report, list its findings with jump links.
(function () {
  var form = document.getElementById('article'), text = document.getElementById('text'),
    file = document.getElementById('file'), format = document.getElementById('format'),
    published = document.getElementById('published'), button = document.getElementById('check'),
    status = document.getElementById('status'), results = document.getElementById('results'),
    list = document.getElementById('findings'), summary = document.getElementById('summary'),
    frame = document.getElementById('report');
  var FORMATS = {md: 'md', markdown: 'md', txt: 'txt', html: 'html', htm: 'html'};

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? 'error' : '';
  }

  file.addEventListener('change', function () {
    var chosen = file.files[0];
    if (!chosen) return;
    var suffix = chosen.name.split('.').pop().toLowerCase();
    if (FORMATS[suffix]) format.value = FORMATS[suffix];
    chosen.text().then(function (content) { text.value = content; say('Opened ' + chosen.name + '.'); });
  });

  // The report's cards become keyboard reachable: Tab to a card, Enter or Space shows its figures.
  function wire(doc) {
    doc.querySelectorAll('.card').forEach(function (card) {
      card.tabIndex = 0;
      card.setAttribute('role', 'button');
      card.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); card.click(); }
      });
      card.addEventListener('focus', function () { card.dispatchEvent(new MouseEvent('mouseenter')); });
      card.addEventListener('blur', function () { card.dispatchEvent(new MouseEvent('mouseleave')); });
    });
  }

  function jump(doc, card) {
    card.scrollIntoView({block: 'center'});
    card.focus();
    card.click();  // the report's own script scrolls to the card's first figure and marks it
  }

  function listFindings(doc) {
    list.textContent = '';
    var cards = doc.querySelectorAll('.card');
    var verdict = doc.querySelector('.verdict');
    summary.textContent = verdict ? verdict.textContent : '';
    cards.forEach(function (card) {
      var item = document.createElement('li'), link = document.createElement('a'),
        sev = card.querySelector('.sev'), code = card.querySelector('.code'), msg = card.querySelector('.msg'),
        loc = card.querySelector('.loc'), badge = document.createElement('span');
      badge.className = 'sev ' + (sev ? sev.textContent : '');
      badge.textContent = sev ? sev.textContent : '';
      link.href = '#' + card.id;
      link.textContent = (code ? code.textContent + ' ' : '') + (loc ? '(' + loc.textContent + ') ' : '') +
        (msg ? msg.textContent : '');
      link.addEventListener('click', function (event) { event.preventDefault(); jump(doc, card); });
      item.appendChild(badge);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = cards.length === 0;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var body = {text: text.value, format: format.value};
    if (published.value) body.published = published.value;
    button.disabled = true;
    say('Checking…');
    fetch('/api/report', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)})
      .then(function (response) {
        if (response.ok) return response.text();
        return response.json().then(function (problem) { throw new Error(problem.error || response.statusText); },
          function () { throw new Error(response.status + ' ' + response.statusText); });
      })
      .then(function (html) {
        frame.onload = function () {
          var doc = frame.contentDocument;
          wire(doc);
          listFindings(doc);
          results.hidden = false;
          document.body.dataset.checked = String(doc.querySelectorAll('.card').length);
          say('Checked.');
        };
        frame.srcdoc = html;
      })
      .catch(function (problem) { say(problem.message, true); })
      .finally(function () { button.disabled = false; });
  });
})();
