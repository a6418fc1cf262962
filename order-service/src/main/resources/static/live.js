// The live page, polled every second: products and prices from order-service's read model (what orders are checked
// against, fed by the catalog-source connector), stock and sales from catalog-service, orders from order-service.
'use strict';

const POLL_MS = 1000;
const state = { catalogUrl: null, user: 'live-user', stock: new Map(), placed: new Map() };
const $ = (selector) => document.querySelector(selector);

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  if (className) td.className = className;
  return td;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function renderProducts(products) {
  const body = $('#products tbody');
  const select = $('#product');
  const chosen = select.value;
  body.replaceChildren(...products.map((product) => {
    const row = document.createElement('tr');
    row.dataset.product = product.productId;
    const stock = cell(product.stock, 'num stock');
    const before = state.stock.get(product.productId);
    if (before !== undefined && before !== product.stock) {
      stock.classList.add('changed');
      setTimeout(() => stock.classList.remove('changed'), 800);
    }
    state.stock.set(product.productId, product.stock);
    row.append(cell(product.productId), cell(product.productName), cell(product.unitPrice, 'num'), stock);
    row.classList.toggle('selected', product.productId === (chosen || products[0]?.productId));
    row.addEventListener('click', () => { select.value = product.productId; renderSelection(); });
    return row;
  }));
  const labels = products.map((product) => `${product.productId} · ${product.productName} (${product.unitPrice})`);
  if ([...select.options].map((option) => option.text).join('\n') !== labels.join('\n')) {
    select.replaceChildren(...products.map((product, i) => new Option(labels[i], product.productId)));
    if (chosen) select.value = chosen;
  }
}

function renderSelection() {
  document.querySelectorAll('#products tbody tr').forEach((row) =>
    row.classList.toggle('selected', row.dataset.product === $('#product').value));
}

function renderOrders(orders) {
  // Orders just placed show as PENDING until the sink has written them to the shared table.
  const listed = new Set(orders.map((order) => order.orderId));
  const pending = [...state.placed.values()].filter((order) => !listed.has(order.orderId));
  [...state.placed.keys()].filter((id) => listed.has(id)).forEach((id) => state.placed.delete(id));
  $('#orders tbody').replaceChildren(...[...pending, ...orders].map((order) => {
    const row = document.createElement('tr');
    row.dataset.order = order.orderId;
    row.append(
      cell(order.orderId.slice(0, 8)),
      cell(order.productId),
      cell(order.qty, 'num'),
      cell(order.totalPrice, 'num'),
      cell(order.status, `status ${order.status}`),
      cell(order.reason),
      cell(new Date(order.createdAt).toLocaleTimeString()));
    row.title = order.orderId;
    return row;
  }));
}

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c'];

// The top five products of the last hour, each a line of its revenue per minute (oldest minute on the left).
function renderSales(top, minutesByProduct) {
  const chart = $('#sales-chart');
  const width = 600;
  const height = 160;
  const highest = Math.max(1, ...minutesByProduct.flat().map((minute) => minute.revenue));
  chart.replaceChildren(...top.map((product, i) => {
    const minutes = minutesByProduct[i];
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('points', minutes.map((minute, m) =>
      `${(m * width / (minutes.length - 1)).toFixed(1)},${(height - 4 - minute.revenue * (height - 8) / highest).toFixed(1)}`)
      .join(' '));
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', COLORS[i % COLORS.length]);
    line.setAttribute('stroke-width', '2');
    line.dataset.product = product.productId;
    return line;
  }));
  $('#top-products').replaceChildren(...top.map((product, i) => {
    const item = document.createElement('li');
    item.dataset.product = product.productId;
    item.style.color = COLORS[i % COLORS.length];
    item.textContent = `${product.productId}: ${product.confirmedQty} sold, revenue ${product.revenue}`;
    return item;
  }));
}

async function refreshSales() {
  const sales = `${state.catalogUrl}/catalog-service/sales`;
  const top = await getJson(`${sales}/top`);
  const minutes = await Promise.all(top.map((product) =>
    getJson(`${sales}/${encodeURIComponent(product.productId)}/per-minute`)));
  renderSales(top, minutes);
}

async function refresh() {
  const stock = new Map();
  let status = '';
  try {
    (await getJson(`${state.catalogUrl}/catalog-service/catalogs`))
      .forEach((product) => stock.set(product.productId, product.stock));
  } catch (error) {
    status = `(stock unavailable, catalog-service unreachable: ${error.message})`;
  }
  try {
    const known = await getJson('order-service/products');
    renderProducts(known.products.map((product) => ({ ...product, stock: stock.get(product.productId) ?? '–' })));
  } catch (error) {
    status = `(order-service's products unavailable: ${error.message})`;
  }
  $('#catalog-state').textContent = status;
  try {
    await refreshSales();
    $('#sales-state').textContent = '';
  } catch (error) {
    $('#sales-state').textContent = `(sales unavailable: ${error.message})`;
  }
  try {
    renderOrders(await getJson(`order-service/${encodeURIComponent(state.user)}/orders`));
  } catch (error) {
    showMessage(`Orders unavailable: ${error.message}`, true);
  }
}

function showMessage(text, isError) {
  const message = $('#message');
  message.textContent = text;
  message.classList.toggle('error', Boolean(isError));
}

async function placeOrder(event) {
  event.preventDefault();
  const button = $('#place');
  const productId = $('#product').value;
  const product = [...$('#products tbody').rows].find((row) => row.dataset.product === productId);
  state.user = $('#user').value;
  $('#orders-user').textContent = state.user;
  button.disabled = true;
  try {
    const response = await fetch(`order-service/${encodeURIComponent(state.user)}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        productId,
        qty: Number($('#qty').value),
        unitPrice: Number(product?.cells[2].textContent ?? 1),
      }),
    });
    const body = await response.json();
    if (!response.ok) {
      showMessage(`${response.status} ${body.title}: ${body.detail}`, true);
      return;
    }
    state.placed.set(body.orderId, body);
    showMessage(`Order ${body.orderId} placed (201): PENDING until catalog-service decides it.`, false);
    await refresh();
  } catch (error) {
    showMessage(`Could not place the order: ${error.message}`, true);
  } finally {
    button.disabled = false;
  }
}

async function start() {
  state.catalogUrl = (await getJson('live/config')).catalogUrl;
  $('#catalog-api').href = `${state.catalogUrl}/swagger-ui.html`;
  $('#order-form').addEventListener('submit', placeOrder);
  $('#product').addEventListener('change', renderSelection);
  $('#user').addEventListener('change', () => {
    state.user = $('#user').value;
    $('#orders-user').textContent = state.user;
    state.placed.clear();
    refresh();
  });
  await refresh();
  setInterval(refresh, POLL_MS);
}

start();
