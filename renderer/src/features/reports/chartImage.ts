// A chart as a PNG that reads on its own: its title, the chart drawn from its SVG, and its legend. The SVG is
// serialised into a data: URL and drawn on a canvas, which the strict CSP allows (img-src 'self' data: blob:)
// and which needs no library. The legend is drawn here because the chart library renders it as HTML.

export type LegendEntry = { label: string; color: string };

const SCALE = 2;
const PADDING = 16;
const TITLE_FONT = '600 16px "Segoe UI", "Noto Sans", Arial, sans-serif';
const LEGEND_FONT = '13px "Segoe UI", "Noto Sans", Arial, sans-serif';
const TEXT_COLOR = '#212529';
const SWATCH = 12;
const LEGEND_GAP = 20;
const LINE_HEIGHT = 22;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('Không vẽ được biểu đồ thành ảnh.'));
    image.src = url;
  });
}

/** The chart's SVG standing alone: explicit size, namespace, and the page's font (it would otherwise inherit it). */
function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', getComputedStyle(svg).fontFamily);
  return { markup: new XMLSerializer().serializeToString(copy), width, height };
}

/** Legend entries laid out in rows that fit the width; returns each entry's position. */
function legendLayout(context: CanvasRenderingContext2D, legend: readonly LegendEntry[], width: number) {
  context.font = LEGEND_FONT;
  let x = PADDING;
  let row = 0;
  return legend.map((entry) => {
    const entryWidth = SWATCH + 6 + context.measureText(entry.label).width;
    if (x > PADDING && x + entryWidth > width - PADDING) {
      x = PADDING;
      row += 1;
    }
    const position = { entry, x, row };
    x += entryWidth + LEGEND_GAP;
    return position;
  });
}

export async function chartToPng(container: HTMLElement, title: string, legend: readonly LegendEntry[]): Promise<Blob> {
  const svg = container.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error('Biểu đồ chưa hiện ra, chưa xuất được ảnh.');
  const { markup, width, height } = standaloneSvg(svg);
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`);

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('Trình duyệt không vẽ được ảnh.');
  const layout = legendLayout(context, legend, width);
  const legendRows = layout.length > 0 ? Math.max(...layout.map((item) => item.row)) + 1 : 0;
  const titleHeight = PADDING + LINE_HEIGHT + 8;
  const totalHeight = titleHeight + height + (legendRows > 0 ? 8 + legendRows * LINE_HEIGHT : 0) + PADDING;
  canvas.width = Math.round(width * SCALE);
  canvas.height = Math.round(totalHeight * SCALE);
  context.scale(SCALE, SCALE);

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, totalHeight);
  context.fillStyle = TEXT_COLOR;
  context.font = TITLE_FONT;
  context.textBaseline = 'middle';
  context.fillText(title, PADDING, PADDING + LINE_HEIGHT / 2, width - 2 * PADDING);
  context.drawImage(image, 0, titleHeight, width, height);

  context.font = LEGEND_FONT;
  const legendTop = titleHeight + height + 8;
  for (const { entry, x, row } of layout) {
    const middle = legendTop + row * LINE_HEIGHT + LINE_HEIGHT / 2;
    context.fillStyle = entry.color;
    context.fillRect(x, middle - SWATCH / 2, SWATCH, SWATCH);
    context.fillStyle = TEXT_COLOR;
    context.fillText(entry.label, x + SWATCH + 6, middle);
  }

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Không tạo được tệp PNG.'))), 'image/png'),
  );
}
