// Bar charts drawn as SVG by hand: the pages need two simple charts, which do not justify shipping a charting
// library to every phone. Values are exact decimal strings; only the bar lengths use floating point.
window.ftmChart = (() => {
  const SVG = 'http://www.w3.org/2000/svg';

  function element(name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * Horizontal bars, one per row: rows are { label, value (decimal string or null), text (formatted) }.
   * A null value is drawn as "sin dato" rather than as zero, so a missing figure is never read as nothing spent.
   */
  function bars(rows, { title, width = 640 } = {}) {
    const rowHeight = 34;
    const labelWidth = 150;
    const textWidth = 190;
    const height = rows.length * rowHeight + 8;
    const max = Math.max(0, ...rows.map((row) => (row.value === null ? 0 : Number(row.value))));
    const svg = element('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': title });
    svg.appendChild(element('title', {}, title));
    rows.forEach((row, i) => {
      const y = i * rowHeight + 4;
      const usable = width - labelWidth - textWidth;
      const length = row.value === null || max === 0 ? 0 : Math.max(1, (Number(row.value) / max) * usable);
      svg.appendChild(element('text', { x: labelWidth - 8, y: y + 20, 'text-anchor': 'end', class: 'chart-label' }, row.label));
      svg.appendChild(
        element('rect', { x: labelWidth, y: y + 4, width: length, height: rowHeight - 12, class: `chart-bar bar-${i}`, rx: 3 }),
      );
      const note = row.value === null ? 'sin dato' : row.text;
      svg.appendChild(element('text', { x: labelWidth + length + 6, y: y + 20, class: 'chart-value' }, note));
    });
    return svg;
  }

  return { bars };
})();
