// Draws the outcomes page's charts with Apache ECharts from the table beside each chart: every row's data-x and
// data-y (data-lower and data-upper for a survival curve's 95 % limits, data-y2 for a second curve). The chart's
// data-extra holds what is drawn beside the rows: a curve's numbers at risk ("day:shown;…", drawn under the x axis) or
// a funnel's national rate and control limits ("rate|patients:l95:u95:l998:u998;…"). A suppressed number ("<5") has no
// data-y and is left out of the chart, as it is in the table. Each chart downloads as SVG through its button.
// No inline script or style: the page's CSP stays strict.
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  var NHS_BLUE = '#005eb8';
  var NHS_GREY = '#768692';
  var NHS_RED = '#d5281b';
  var NHS_ORANGE = '#ed8b00';
  var NHS_BLACK = '#212b32';
  var charts = {};

  function number(value) {
    return value === null || value === undefined || value === '' ? null : Number(value);
  }

  function rows(table) {
    return Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return {
        x: tr.getAttribute('data-x'),
        y: number(tr.getAttribute('data-y')),
        lower: number(tr.getAttribute('data-lower')),
        upper: number(tr.getAttribute('data-upper')),
        y2: number(tr.getAttribute('data-y2')),
        label: tr.cells.length > 0 ? tr.cells[0].textContent : ''
      };
    });
  }

  function atRisk(el) {
    var extra = el.getAttribute('data-extra');
    if (!extra) {
      return [];
    }
    return extra.split(';').map(function (pair) {
      var parts = pair.split(':');
      return { day: Number(parts[0]), shown: parts[1] };
    });
  }

  function common(el, bottom) {
    return {
      animation: false,
      aria: { enabled: true },
      grid: { left: 64, right: 24, top: 32, bottom: bottom || 56 },
      tooltip: { trigger: 'axis', renderMode: 'richText' }
    };
  }

  function percentAxis(el) {
    return { type: 'value', name: el.getAttribute('data-y-label'), min: 0, max: 1,
      axisLabel: { formatter: function (v) { return Math.round(v * 100) + ' %'; } } };
  }

  function daysAxis(el, data) {
    var last = data.reduce(function (m, d) { return Math.max(m, Number(d.x)); }, 0);
    return { type: 'value', name: el.getAttribute('data-x-label'), nameLocation: 'middle', nameGap: 28, min: 0,
      max: Math.max(last, 1) };
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
    var option = common(el, 96);
    var xs = function (f) { return data.map(function (d) { return [Number(d.x), f(d)]; }); };
    option.xAxis = daysAxis(el, data);
    option.yAxis = percentAxis(el);
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
      { name: el.getAttribute('data-y-label'), type: 'line', step: 'end', symbol: 'none',
        lineStyle: { color: NHS_BLUE, width: 2 }, data: xs(function (d) { return d.y; }) }
    ];
    return option;
  }

  function incidence(el, data) {
    var option = common(el, 96);
    option.legend = { top: 0 };
    option.xAxis = daysAxis(el, data);
    option.yAxis = percentAxis(el);
    option.series = [
      { name: 'Relapse or progression', type: 'line', step: 'end', symbol: 'none',
        lineStyle: { color: NHS_BLUE, width: 2 }, itemStyle: { color: NHS_BLUE },
        data: data.map(function (d) { return [Number(d.x), d.y]; }) },
      { name: 'Non-relapse mortality', type: 'line', step: 'end', symbol: 'none',
        lineStyle: { color: NHS_RED, width: 2, type: 'dashed' }, itemStyle: { color: NHS_RED },
        data: data.map(function (d) { return [Number(d.x), d.y2]; }) }
    ];
    return option;
  }

  function funnel(el, data) {
    var option = common(el);
    option.tooltip = { trigger: 'item', renderMode: 'richText' };
    option.legend = { top: 0 };
    var extra = (el.getAttribute('data-extra') || '').split('|');
    var national = extra.length > 1 ? Number(extra[0]) : null;
    var limits = extra.length > 1 && extra[1] ? extra[1].split(';').map(function (l) {
      return l.split(':').map(Number);
    }) : [];
    var line = function (name, index, color, dashed) {
      return { name: name, type: 'line', symbol: 'none', lineStyle: { color: color, width: 1,
        type: dashed ? 'dashed' : 'solid' }, itemStyle: { color: color },
        data: limits.map(function (l) { return [l[0], l[index]]; }) };
    };
    var points = data.filter(function (d) { return d.y !== null && d.x !== null; });
    option.xAxis = { type: 'value', name: el.getAttribute('data-x-label'), nameLocation: 'middle', nameGap: 28,
      min: 0 };
    option.yAxis = percentAxis(el);
    option.series = [
      { name: 'Centres', type: 'scatter', symbolSize: 10, itemStyle: { color: NHS_BLUE },
        data: points.map(function (d) { return { value: [Number(d.x), d.y], name: d.label }; }),
        label: { show: true, position: 'right', formatter: function (p) { return p.name; } } },
      line('95 % limits', 2, NHS_ORANGE, true), line('95 % limits', 1, NHS_ORANGE, true),
      line('99.8 % limits', 4, NHS_RED, false), line('99.8 % limits', 3, NHS_RED, false)
    ];
    if (national !== null && limits.length > 0) {
      option.series.push({ name: 'National rate', type: 'line', symbol: 'none',
        lineStyle: { color: NHS_BLACK, width: 1 }, itemStyle: { color: NHS_BLACK },
        data: [[0, national], [limits[limits.length - 1][0], national]] });
    }
    return option;
  }

  // The numbers at risk under the x axis, inside the chart (so they are in the downloaded SVG too).
  function drawAtRisk(chart, el, maxDay) {
    var risk = atRisk(el).filter(function (r) { return r.day <= maxDay; });
    if (risk.length === 0) {
      return;
    }
    var bottom = chart.convertToPixel({ yAxisIndex: 0 }, 0);
    var texts = risk.map(function (r) {
      return { type: 'text', x: chart.convertToPixel({ xAxisIndex: 0 }, r.day), y: bottom + 52,
        style: { text: r.shown, fill: NHS_BLACK, font: '12px sans-serif', align: 'center' } };
    });
    texts.push({ type: 'text', x: 4, y: bottom + 52,
      style: { text: 'At risk', fill: NHS_BLACK, font: 'bold 12px sans-serif', align: 'left' } });
    chart.setOption({ graphic: texts });
    el.setAttribute('data-at-risk-drawn', String(risk.length));
  }

  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var data = rows(table);
    var kind = el.getAttribute('data-chart');
    var option = kind === 'survival' ? survival(el, data) : kind === 'incidence' ? incidence(el, data)
      : kind === 'funnel' ? funnel(el, data) : bar(el, data);
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    if (kind === 'survival' || kind === 'incidence') {
      drawAtRisk(chart, el, option.xAxis.max);
    }
    charts[el.id || el.getAttribute('data-testid')] = chart;
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // Downloads a chart as SVG: the chart's own SVG as a file, through a Blob (no data: navigation, no inline script).
  function download(button) {
    var chart = charts[button.getAttribute('data-chart-id')];
    if (!chart) {
      return;
    }
    var svg = typeof chart.renderToSVGString === 'function' ? chart.renderToSVGString()
      : decodeURIComponent(chart.getDataURL({ type: 'svg' }).replace(/^data:image\/svg\+xml;charset=UTF-8,/, ''));
    var url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    var link = document.createElement('a');
    link.href = url;
    link.download = button.getAttribute('data-file');
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  Array.prototype.forEach.call(document.querySelectorAll('.cartpath-chart[data-chart]'), draw);
  Array.prototype.forEach.call(document.querySelectorAll('.cartpath-chart-download'), function (button) {
    if (charts[button.getAttribute('data-chart-id')]) {
      button.hidden = false;
      button.addEventListener('click', function () { download(button); });
    }
  });
}());
