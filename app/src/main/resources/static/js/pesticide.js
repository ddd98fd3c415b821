/*
 * The pesticide form, live: picking a pesticide fills the form, and as the farmer types, the page says whether the
 * product is banned or restricted for this crop and from which day harvest will be allowed. Without this script
 * the "Fill in" and "Check" buttons ask the server for the same.
 */
(function () {
  'use strict';
  var form = document.getElementById('event-form');
  var advice = document.getElementById('pesticide-advice');
  var pick = document.getElementById('pick');
  if (!form || !advice) { return; }
  var url = form.getAttribute('data-check-url');
  var watched = ['activeIngredient', 'productName', 'safetyIntervalDays'];
  var timer = null;

  function field(name) { return form.querySelector('[name="details[' + name + ']"]'); }

  function box(id, kind, text) {
    var div = document.createElement('div');
    div.id = id;
    div.className = 'alert ' + kind;
    div.textContent = text;
    if (kind === 'error') { div.setAttribute('role', 'alert'); }
    return div;
  }

  function show(answer) {
    while (advice.firstChild) { advice.removeChild(advice.firstChild); }
    if (answer.warning) { advice.appendChild(box('pesticide-warning', 'error', answer.warning)); }
    if (answer.harvestText) { advice.appendChild(box('pesticide-harvest', 'info', answer.harvestText)); }
  }

  function check() {
    var query = new URLSearchParams();
    watched.forEach(function (name) { var input = field(name); if (input) { query.set(name, input.value); } });
    query.set('occurredOn', form.querySelector('[name="occurredOn"]').value);
    fetch(url + '?' + query.toString(), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) { show(answer); } })
      .catch(function () { /* offline: the Check button still works */ });
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 400);
  }

  watched.concat(['occurredOn']).forEach(function (name) {
    var input = name === 'occurredOn' ? form.querySelector('[name="occurredOn"]') : field(name);
    if (input) { input.addEventListener('input', later); input.addEventListener('change', later); }
  });

  if (pick) {
    var fill = document.getElementById('pick-submit');
    if (fill) { fill.hidden = true; }
    pick.addEventListener('change', function () {
      var option = pick.options[pick.selectedIndex];
      var values = option && option.getAttribute('data-values');
      if (!values) { return; }
      var parsed = JSON.parse(values);
      Object.keys(parsed).forEach(function (name) {
        var input = field(name);
        if (!input) { return; }
        input.value = parsed[name];
        // A choice without this word among its options: pick "其他" and put the word in its box.
        var other = field(name + 'Other');
        if (input.tagName === 'SELECT' && other) {
          if (input.value !== parsed[name]) { input.value = '其他'; other.value = parsed[name]; } else { other.value = ''; }
        }
      });
      check();
    });
  }
}());
