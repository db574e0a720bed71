// Draws the outcomes page's charts with Apache ECharts from the table beside each chart: every row's data-x and
// data-y (data-lower and data-upper for a survival curve's 95 % limits). A suppressed number ("<5") has no data-y and
// is left out of the chart, as it is in the table. No inline script or style: the page's CSP stays strict.
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  var NHS_BLUE = '#005eb8';
  var NHS_GREY = '#768692';

  function number(value) {
    return value === null || value === undefined || value === '' ? null : Number(value);
  }

  function rows(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return {
        x: tr.getAttribute('data-x'),
        y: number(tr.getAttribute('data-y')),
        lower: number(tr.getAttribute('data-lower')),
        upper: number(tr.getAttribute('data-upper'))
      };
    });
  }

  function common(el) {
    return {
      animation: false,
      aria: { enabled: true },
      grid: { left: 56, right: 24, top: 32, bottom: 56 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      toolbox: { feature: { saveAsImage: { title: 'Download PNG', name: el.getAttribute('data-table') } } }
    };
  }

  function bar(el, data) {
    var option = common(el);
    option.xAxis = { type: 'category', name: el.getAttribute('data-x-label'), nameLocation: 'middle', nameGap: 32,
      data: data.map(function (d) { return d.x; }) };
    option.yAxis = { type: 'value', name: el.getAttribute('data-y-label'), minInterval: 1 };
    option.series = [{ type: 'bar', itemStyle: { color: NHS_BLUE }, data: data.map(function (d) { return d.y; }) }];
    return option;
  }

  function survival(el, data) {
    var option = common(el);
    var xs = function (f) { return data.map(function (d) { return [Number(d.x), f(d)]; }); };
    option.xAxis = { type: 'value', name: el.getAttribute('data-x-label'), nameLocation: 'middle', nameGap: 32,
      min: 0 };
    option.yAxis = { type: 'value', name: el.getAttribute('data-y-label'), min: 0, max: 1,
      axisLabel: { formatter: function (v) { return Math.round(v * 100) + ' %'; } } };
    option.series = [
      { name: 'Lower 95 % limit', type: 'line', step: 'end', symbol: 'none', stack: 'band',
        lineStyle: { opacity: 0 }, data: xs(function (d) { return d.lower === null ? d.y : d.lower; }) },
      { name: '95 % limits', type: 'line', step: 'end', symbol: 'none', stack: 'band', lineStyle: { opacity: 0 },
        areaStyle: { color: NHS_GREY, opacity: 0.3 },
        data: xs(function (d) {
          var lower = d.lower === null ? d.y : d.lower;
          var upper = d.upper === null ? d.y : d.upper;
          return upper - lower;
        }) },
      { name: 'Surviving', type: 'line', step: 'end', symbol: 'none', lineStyle: { color: NHS_BLUE, width: 2 },
        data: xs(function (d) { return d.y; }) }
    ];
    return option;
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var data = rows(table);
    var kind = el.getAttribute('data-chart');
    var option = kind === 'survival' ? survival(el, data) : bar(el, data);
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('.cartpath-chart[data-chart]'), draw);
}());
