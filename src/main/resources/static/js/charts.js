// Draws the dashboard's and the reports' charts with ECharts from the numbers the page carries as JSON
// (<script type="application/json">), so the page needs no inline script.
(function () {
  'use strict';

  function read(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  var charts = [];

  function draw(el, option) {
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    option.animation = false;
    option.tooltip = option.tooltip || { trigger: 'axis' };
    option.grid = option.grid || { left: 8, right: 16, top: 36, bottom: 8, containLabel: true };
    chart.setOption(option);
    charts.push(chart);
    el.setAttribute('data-drawn', 'true');
  }

  function bars(el, names, series, horizontal) {
    var category = { type: 'category', data: names, axisLabel: { interval: 0, hideOverlap: true } };
    var value = { type: 'value' };
    draw(el, {
      legend: { top: 0 },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series
    });
  }

  function dashboard() {
    var d = read('dashboard-data');
    var labels = read('dashboard-labels');
    if (!d) {
      return;
    }
    var label = function (key) { return labels[key] || key; };
    var amount = function (b) { return Number(b.amountCny); };
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var name = el.getAttribute('data-chart');
      var rows = d[name] || [];
      if (name === 'byMonth') {
        draw(el, {
          legend: { top: 0 },
          xAxis: { type: 'category', data: rows.map(function (b) { return b.key; }) },
          yAxis: [{ type: 'value', name: label('count'), minInterval: 1 }, { type: 'value', name: label('amountCny') }],
          series: [
            { name: label('count'), type: 'bar', data: rows.map(function (b) { return b.count; }) },
            { name: label('amountCny'), type: 'line', yAxisIndex: 1, data: rows.map(amount) }
          ]
        });
      } else if (name === 'byType' || name === 'byStatus') {
        draw(el, {
          tooltip: { trigger: 'item' },
          legend: { top: 0, type: 'scroll' },
          series: [{ name: label('count'), type: 'pie', radius: ['35%', '65%'], top: 24,
            data: rows.map(function (b) { return { name: label(b.key), value: b.count }; }) }]
        });
      } else if (name === 'topCustomers') {
        var top = rows.slice().reverse();
        bars(el, top.map(function (b) { return b.key; }),
          [{ name: label('amountCny'), type: 'bar', data: top.map(amount) }], true);
      } else if (name.indexOf('cycleBy') === 0) {
        bars(el, rows.map(function (c) { return c.key; }), [
          { name: label('p50Hours'), type: 'bar', data: rows.map(function (c) { return c.p50Hours.toFixed(2); }) },
          { name: label('p90Hours'), type: 'bar', data: rows.map(function (c) { return c.p90Hours.toFixed(2); }) }
        ], false);
      }
    });
  }

  function report() {
    var r = read('report-data');
    if (!r) {
      return;
    }
    var el = document.getElementById('report-chart');
    var names = r.rows.map(function (row) { return row.label; });
    var values = r.rows.map(function (row) { return Number(row.value); });
    if (r.chart === 'table') {
      return;
    }
    if (r.chart === 'pie') {
      draw(el, {
        tooltip: { trigger: 'item' }, legend: { top: 0, type: 'scroll' },
        series: [{ name: r.measureLabel, type: 'pie', radius: ['35%', '65%'], top: 24,
          data: names.map(function (n, i) { return { name: n, value: values[i] }; }) }]
      });
    } else {
      draw(el, {
        legend: { top: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value' },
        series: [{ name: r.measureLabel, type: r.chart === 'line' ? 'line' : 'bar', data: values }]
      });
    }
  }

  dashboard();
  report();
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
