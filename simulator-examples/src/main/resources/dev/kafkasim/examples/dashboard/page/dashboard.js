// The kafkasim dashboard page. It reads the status from the server-sent events at /api/events, draws it, and sends
// the controls to the HTTP API. docs/dashboard.md describes both.
(() => {
  'use strict';

  const MAX_POINTS = 120;
  const COLORS = ['#0d6efd', '#198754', '#dc3545', '#fd7e14', '#6f42c1', '#20c997', '#6c757d'];
  const STATE_COLORS = {
    RUNNING: 'text-bg-success', PAUSED: 'text-bg-warning', STARTING: 'text-bg-info', STOPPING: 'text-bg-info',
    COMPLETED: 'text-bg-primary', STOPPED: 'text-bg-secondary', FAILED: 'text-bg-danger', IDLE: 'text-bg-light'
  };

  let status = null;
  let requestPending = false;
  let requestError = null;
  let charts = null;
  let chartRunId = null;
  let chartFinished = false;

  const byId = id => document.getElementById(id);
  const format = value => Number(value).toLocaleString('en-US');
  const formatMillis = value => Number(value).toLocaleString('en-US', { maximumFractionDigits: 1 }) + ' ms';
  const formatRate = value => Number(value).toLocaleString('en-US', { maximumFractionDigits: 1 }) + '/s';

  async function callApi(method, path, body) {
    const options = { method };
    if (body !== undefined) {
      options.headers = { 'Content-Type': 'application/json' };
      options.body = JSON.stringify(body);
    }
    const response = await fetch(path, options);
    let json = null;
    try {
      json = await response.json();
    } catch (e) {
      json = { error: 'HTTP ' + response.status + ' without a JSON body' };
    }
    if (!response.ok) {
      throw { message: json.error, problems: json.problems || [] };
    }
    return json;
  }

  // Sends one control, disabling every button until the server replies.
  async function control(path, body) {
    requestPending = true;
    // The previous error stays hidden until the server reports it again, so that it cannot pass for a new one.
    requestError = null;
    if (status) {
      status.error = null;
    }
    renderError();
    renderButtons();
    try {
      const reply = await callApi('POST', path, body);
      requestError = null;
      render(reply);
    } catch (error) {
      requestError = error.message ? error : { message: String(error), problems: [] };
      renderError();
    } finally {
      requestPending = false;
      renderButtons();
    }
  }

  // Scenario menu

  async function loadScenarios() {
    const catalog = await callApi('GET', '/api/scenarios');
    const select = byId('scenario');
    catalog.bundled.forEach(name => select.append(new Option(name, name, false, name === catalog.defaultScenario)));
    select.append(new Option('file…', '', false, false));
    if (catalog.bootstrapServers) {
      byId('bootstrap-servers').placeholder = catalog.bootstrapServers;
      byId('bootstrap-servers').nextElementSibling.textContent = 'Empty: ' + catalog.bootstrapServers + '.';
    }
    select.addEventListener('change', scenarioChanged);
    byId('load-file').addEventListener('click',
        () => loadStreams('file=' + encodeURIComponent(byId('scenario-file').value)));
    scenarioChanged();
  }

  function scenarioChanged() {
    const name = byId('scenario').value;
    byId('scenario-file-group').classList.toggle('d-none', name !== '');
    if (name !== '') {
      loadStreams('name=' + encodeURIComponent(name));
      return;
    }
    // The previous scenario's seed and streams do not apply to a file, so the run uses the file's own values until
    // they are loaded.
    byId('seed').value = '';
    byId('streams').replaceChildren(
        textElement('div', 'Load the file to change its streams, or start it as written.', 'text-muted small'));
  }

  async function loadStreams(query) {
    try {
      const scenario = await callApi('GET', '/api/scenario?' + query);
      requestError = null;
      byId('seed').value = scenario.seed;
      renderStreamSettings(scenario.streams);
    } catch (error) {
      requestError = error;
      byId('streams').replaceChildren(textElement('div', 'The scenario could not be read.', 'text-muted small'));
    }
    renderError();
  }

  function renderStreamSettings(streams) {
    const container = byId('streams');
    container.replaceChildren();
    streams.forEach(stream => {
      const group = document.createElement('div');
      group.className = 'stream';
      group.dataset.stream = stream.name;
      group.innerHTML = `
        <div class="fw-semibold small mb-1"></div>
        <input type="text" class="form-control form-control-sm mb-1 stream-topic" aria-label="topic">
        <div class="input-group input-group-sm">
          <input type="text" class="form-control stream-rate" aria-label="rate">
          <button type="button" class="btn btn-outline-primary stream-set-rate" disabled>Set rate</button>
          <button type="button" class="btn btn-outline-warning stream-pause" disabled>Pause</button>
        </div>`;
      group.querySelector('.fw-semibold').textContent = stream.name;
      group.querySelector('.stream-topic').value = stream.topic;
      group.querySelector('.stream-rate').value = stream.rate || '';
      group.querySelector('.stream-set-rate').addEventListener('click', () => control(
          '/api/streams/' + encodeURIComponent(stream.name) + '/rate',
          { rate: group.querySelector('.stream-rate').value }));
      // The button pauses a running stream and resumes a paused one, as the latest status reports it.
      group.querySelector('.stream-pause').addEventListener('click', () => control(
          '/api/streams/' + encodeURIComponent(stream.name) + '/'
              + (group.querySelector('.stream-pause').dataset.paused === 'true' ? 'resume' : 'pause')));
      container.append(group);
    });
    renderButtons();
  }

  function startRequest() {
    const request = {
      bootstrapServers: byId('bootstrap-servers').value,
      seed: byId('seed').value,
      duration: byId('duration').value,
      streams: {}
    };
    if (byId('scenario').value === '') {
      request.scenarioFile = byId('scenario-file').value;
    } else {
      request.scenario = byId('scenario').value;
    }
    document.querySelectorAll('#streams .stream').forEach(group => {
      request.streams[group.dataset.stream] = {
        topic: group.querySelector('.stream-topic').value,
        rate: group.querySelector('.stream-rate').value
      };
    });
    return request;
  }

  // Rendering

  function render(next) {
    status = next;
    const state = byId('state');
    state.textContent = status.state;
    state.className = 'badge fs-6 ' + (STATE_COLORS[status.state] || 'text-bg-secondary');
    byId('run-info').textContent = [status.runId && 'run ' + status.runId.substring(0, 8), status.scenario,
      status.bootstrapServers].filter(Boolean).join(' · ');
    renderButtons();
    renderError();
    renderCounts(status.totals);
    renderCharts();
    renderRecent(status.streams);
    renderVerification(status.verification);
  }

  function renderButtons() {
    const actions = status ? status.actions : { start: false, pause: false, resume: false, stop: false };
    ['start', 'pause', 'resume', 'stop'].forEach(action => {
      byId(action).disabled = requestPending || !actions[action];
    });
    const active = new Map(status && actions.stop ? status.streams.map(stream => [stream.stream, stream]) : []);
    document.querySelectorAll('#streams .stream').forEach(group => {
      const stream = active.get(group.dataset.stream);
      group.querySelector('.stream-set-rate').disabled = requestPending || !stream;
      const pause = group.querySelector('.stream-pause');
      pause.disabled = requestPending || !stream;
      pause.dataset.paused = String(Boolean(stream && stream.paused));
      pause.textContent = stream && stream.paused ? 'Resume' : 'Pause';
    });
  }

  function renderError() {
    const error = requestError || (status && status.error);
    byId('error').classList.toggle('d-none', !error);
    if (!error) {
      return;
    }
    byId('error-message').textContent = error.message;
    byId('error-problems').replaceChildren(...(error.problems || []).map(problem => textElement('li',
        [problem.origin, problem.path, problem.message].filter(Boolean).join(': '))));
  }

  function renderCounts(totals) {
    byId('count-generated').textContent = format(totals.generated);
    byId('count-acknowledged').textContent = format(totals.acknowledged);
    byId('count-failed').textContent = format(totals.failed);
    byId('count-consumed').textContent = format(totals.consumed);
    byId('count-in-flight').textContent = format(totals.inFlight);
  }

  function renderRecent(streams) {
    const container = byId('recent');
    if (streams.length === 0) {
      return;
    }
    container.replaceChildren(...streams.map(stream => {
      const wrapper = document.createElement('div');
      wrapper.className = 'table-responsive mb-2';
      wrapper.dataset.stream = stream.stream;
      wrapper.innerHTML = `<table class="table table-sm table-striped mb-0">
          <caption class="caption-top"></caption>
          <thead><tr><th>Seq</th><th>Key</th><th>Value</th><th>Timestamp</th><th>Fault</th></tr></thead>
          <tbody></tbody></table>`;
      wrapper.querySelector('caption').textContent = stream.stream + ' → ' + stream.topic
          + (stream.paused ? ' · paused' : '')
          + ' · target ' + formatRate(stream.targetRate) + ' · achieved ' + formatRate(stream.achievedRate)
          + ' · lag ' + format(stream.lagMillis) + ' ms';
      wrapper.querySelector('tbody').replaceChildren(...stream.recent.map(record => {
        const row = document.createElement('tr');
        row.append(textElement('td', record.sequence), textElement('td', record.key ?? 'null', 'text-nowrap'),
            textElement('td', record.value, 'value'),
            textElement('td', new Date(record.timestamp).toISOString(), 'text-nowrap'),
            textElement('td', record.fault ?? ''));
        return row;
      }));
      return wrapper;
    }));
  }

  function renderVerification(verification) {
    const card = byId('verification');
    card.classList.toggle('d-none', !verification);
    if (!verification) {
      return;
    }
    const result = byId('verification-result');
    if (verification.state === 'waiting') {
      result.textContent = 'Reading the last records back…';
      result.className = 'fw-semibold';
    } else if (verification.state === 'failed') {
      result.textContent = 'The verifier failed: ' + verification.error;
      result.className = 'fw-semibold text-danger';
    } else {
      result.textContent = verification.passed
          ? 'Every acknowledged record was read back exactly once.'
          : 'Records were missing or duplicated.';
      result.className = 'fw-semibold ' + (verification.passed ? 'text-success' : 'text-danger');
    }
    byId('verification-summary').textContent = verification.summary || '';
    const latency = verification.endToEndLatency;
    byId('verification-latency').textContent = latency && latency.count > 0
        ? 'End-to-end latency over the run: p50 ' + formatMillis(latency.p50) + ', p95 ' + formatMillis(latency.p95)
            + ', p99 ' + formatMillis(latency.p99) + ', max ' + formatMillis(latency.max) + '.'
        : '';
    byId('verification-streams').replaceChildren(...verification.streams.map(stream => {
      const row = document.createElement('tr');
      row.append(textElement('td', stream.stream), textElement('td', format(stream.expected)),
          textElement('td', format(stream.consumed)), textElement('td', format(stream.missing)),
          textElement('td', format(stream.duplicates)), textElement('td', format(stream.orderViolations)));
      return row;
    }));
  }

  function textElement(tag, text, className) {
    const element = document.createElement(tag);
    element.textContent = text;
    if (className) {
      element.className = className;
    }
    return element;
  }

  // Charts

  function renderCharts() {
    if (!status.runId) {
      return;
    }
    if (status.runId !== chartRunId) {
      createCharts(status.streams.map(stream => stream.stream));
      chartRunId = status.runId;
      chartFinished = false;
    }
    // A starting run has sent nothing yet, and a run that failed to start never will.
    if (status.state === 'STARTING' || status.totals.generated === 0) {
      return;
    }
    // A finished run gets one last point, so that the charts end where the run did.
    const finished = ['COMPLETED', 'STOPPED', 'FAILED'].includes(status.state);
    if (finished && chartFinished) {
      return;
    }
    chartFinished = finished;
    const now = Date.now() / 1000;
    const streams = status.streams;
    const latency = status.latency || { p50: 0, p95: 0, p99: 0 };
    const sendLatency = status.sendLatency || { p99: 0 };
    append(charts.rate, [now, ...streams.flatMap(stream => [stream.targetRate, stream.achievedRate])]);
    append(charts.counts, [now, status.totals.acknowledged, status.totals.failed, status.totals.consumed]);
    append(charts.latency, [now, latency.p50, latency.p95, latency.p99, sendLatency.p99]);
    append(charts.lag, [now, ...streams.map(stream => stream.lagMillis)]);
  }

  function createCharts(streamNames) {
    if (charts) {
      Object.values(charts).forEach(chart => chart.plot.destroy());
    }
    const rateSeries = streamNames.flatMap((name, i) => [
      { label: name + ' target', stroke: COLORS[i % COLORS.length], dash: [6, 4] },
      { label: name + ' achieved', stroke: COLORS[i % COLORS.length], width: 2 }]);
    charts = {
      rate: createChart('chart-rate', rateSeries),
      counts: createChart('chart-counts', [
        { label: 'acknowledged', stroke: COLORS[1], width: 2 },
        { label: 'failed', stroke: COLORS[2], width: 2 },
        { label: 'consumed', stroke: COLORS[0], width: 2, dash: [6, 4] }]),
      latency: createChart('chart-latency', [
        { label: 'end-to-end p50', stroke: COLORS[1] },
        { label: 'end-to-end p95', stroke: COLORS[3] },
        { label: 'end-to-end p99', stroke: COLORS[2] },
        { label: 'send p99', stroke: COLORS[6], dash: [6, 4] }]),
      lag: createChart('chart-lag', streamNames.map((name, i) => ({ label: name, stroke: COLORS[i % COLORS.length] })))
    };
  }

  function createChart(id, series) {
    const target = byId(id);
    target.replaceChildren();
    const data = [[], ...series.map(() => [])];
    const options = {
      width: chartWidth(target), height: 200,
      scales: { x: { time: true } },
      series: [{}, ...series],
      legend: { live: false }
    };
    return { target, data, plot: new uPlot(options, data, target) };
  }

  function append(chart, point) {
    point.forEach((value, i) => {
      chart.data[i].push(value);
      if (chart.data[i].length > MAX_POINTS) {
        chart.data[i].shift();
      }
    });
    chart.plot.setData(chart.data);
    chart.target.dataset.points = chart.data[0].length;
  }

  function chartWidth(target) {
    return Math.max(240, target.clientWidth - 16);
  }

  window.addEventListener('resize', () => {
    if (charts) {
      Object.values(charts).forEach(chart => chart.plot.setSize({ width: chartWidth(chart.target), height: 200 }));
    }
  });

  // Events

  function connect() {
    const events = new EventSource('/api/events');
    events.addEventListener('status', event => render(JSON.parse(event.data)));
    events.onerror = () => {
      const state = byId('state');
      state.textContent = 'disconnected';
      state.className = 'badge fs-6 text-bg-danger';
    };
  }

  byId('start').addEventListener('click', () => control('/api/start', startRequest()));
  byId('pause').addEventListener('click', () => control('/api/pause'));
  byId('resume').addEventListener('click', () => control('/api/resume'));
  byId('stop').addEventListener('click', () => control('/api/stop'));
  loadScenarios().catch(error => {
    requestError = { message: 'Could not list the scenarios: ' + (error.message || error), problems: [] };
    renderError();
  });
  connect();
})();
