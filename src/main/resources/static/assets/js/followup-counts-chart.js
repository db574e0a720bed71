// Draws a case's blood counts after infusion with Apache ECharts from the table beside the chart: each row's data-day
// and data-anc, data-platelets (10^9/L). The ICAHT thresholds (ANC 0.5 and 0.1 x 10^9/L) are drawn as marked lines.
// No inline script or style: the page's CSP stays strict.
(function () {
  'use strict';
  if (typeof window.echarts === 'undefined') {
    return;
  }
  function number(value) {
    return value === null || value === undefined || value === '' ? null : Number(value);
  }
  function draw(el) {
    var table = document.getElementById(el.getAttribute('data-table'));
    if (!table) {
      return;
    }
    var rows = Array.prototype.map.call(table.querySelectorAll('tbody tr'), function (tr) {
      return { day: Number(tr.getAttribute('data-day')), anc: number(tr.getAttribute('data-anc')),
        platelets: number(tr.getAttribute('data-platelets')) };
    });
    var option = {
      animation: false,
      aria: { enabled: true },
      grid: { left: 56, right: 56, top: 40, bottom: 56 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'value', name: 'Days after infusion', nameLocation: 'middle', nameGap: 32, min: 0 },
      yAxis: [
        { type: 'value', name: 'ANC (×10⁹/L)', min: 0 },
        { type: 'value', name: 'Platelets (×10⁹/L)', min: 0, splitLine: { show: false } }
      ],
      series: [
        { name: 'ANC', type: 'line', yAxisIndex: 0, connectNulls: false, lineStyle: { color: '#005eb8', width: 2 },
          itemStyle: { color: '#005eb8' },
          data: rows.filter(function (r) { return r.anc !== null; }).map(function (r) { return [r.day, r.anc]; }),
          markLine: { symbol: 'none', label: { formatter: '{b}' }, lineStyle: { color: '#d5281b', type: 'dashed' },
            data: [{ name: 'ANC 0.5', yAxis: 0.5 }, { name: 'ANC 0.1', yAxis: 0.1 }] } },
        { name: 'Platelets', type: 'line', yAxisIndex: 1, lineStyle: { color: '#768692' },
          itemStyle: { color: '#768692' },
          data: rows.filter(function (r) { return r.platelets !== null; })
            .map(function (r) { return [r.day, r.platelets]; }) }
      ]
    };
    var chart = window.echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }
  Array.prototype.forEach.call(document.querySelectorAll('.cartpath-chart[data-counts-chart]'), draw);
}());
