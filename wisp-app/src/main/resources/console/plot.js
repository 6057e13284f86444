// A line chart (Chart.js) of a numeric resource's values over time: the stored history, then every new
// notification or Send as it arrives. A table of the newest values stands beside it for people who do not see it.

import { html } from 'lit';
import {
  Chart, LineController, LineElement, PointElement, LinearScale, Tooltip,
} from 'chart.js';
import { Light } from './base.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip);

const SHOWN = 500;

function clock(ms) {
  return new Date(ms).toLocaleTimeString();
}

class WispPlot extends Light {
  static properties = {
    points: { attribute: false },
    label: { type: String },
  };

  constructor() {
    super();
    this.points = [];
    this.label = '';
    this.chart = null;
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
    super.disconnectedCallback();
  }

  render() {
    const newest = this.points.slice(-5).reverse();
    return html`
      <figure class="plot" data-points=${this.points.length}>
        <div class="plot-canvas"><canvas role="img" aria-label="Plot of ${this.label}, ${this.points.length} values">
        </canvas></div>
        <figcaption>${this.points.length
          ? `${this.label}: ${this.points.length} values`
          : `${this.label}: no values yet. Observe the resource (or its instance) to collect them.`}</figcaption>
      </figure>
      ${newest.length ? html`<details><summary>Newest values</summary><table class="plot-table">
        <thead><tr><th scope="col">Time</th><th scope="col">Value</th></tr></thead>
        <tbody>${newest.map((p) => html`<tr><td>${clock(p.x)}</td><td>${p.y}</td></tr>`)}</tbody>
      </table></details>` : ''}`;
  }

  updated() {
    const data = this.points.slice(-SHOWN);
    if (!this.chart) {
      this.chart = new Chart(this.querySelector('canvas'), {
        type: 'line',
        data: {
          datasets: [{ label: this.label, data, borderWidth: 2, pointRadius: 2, tension: 0, borderColor: '#0172ad',
            backgroundColor: '#0172ad' }],
        },
        options: {
          animation: false,
          maintainAspectRatio: false,
          parsing: false,
          scales: {
            x: { type: 'linear', ticks: { callback: (v) => clock(v), maxTicksLimit: 6 } },
            y: { type: 'linear' },
          },
          plugins: { tooltip: { callbacks: { title: (items) => items.length ? clock(items[0].parsed.x) : '' } } },
        },
      });
    } else {
      this.chart.data.datasets[0].data = data;
      this.chart.data.datasets[0].label = this.label;
      this.chart.update('none');
    }
  }
}

customElements.define('wisp-plot', WispPlot);
