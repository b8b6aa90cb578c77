import { riskMatrix, RiskStatus, Severity, severityOf } from '@standpoint/proposals/rules';
import { html, SafeHtml } from '@standpoint/html';

/** Cell colours by severity: strong where open risks sit, pale where none does. */
const FILL: Record<Severity, string> = {
  [Severity.LOW]: '#2e7d32',
  [Severity.MEDIUM]: '#f9a825',
  [Severity.HIGH]: '#ef6c00',
  [Severity.CRITICAL]: '#c62828',
};

const CELL = 44;
const AXIS = 36;
const LEVELS = [1, 2, 3, 4, 5];

export interface MappedRisk {
  likelihood: number;
  impact: number;
  status: RiskStatus;
}

/**
 * The likelihood × impact heat map of the OPEN risks as inline SVG: likelihood upwards, impact to
 * the right, each cell coloured by its severity and labelled with how many open risks sit there.
 * The picture is described for screen readers; the table beside it carries every detail.
 */
export function riskHeatMap(notes: readonly MappedRisk[]): SafeHtml {
  const matrix = riskMatrix(notes);
  const open = notes.filter((n) => n.status === RiskStatus.OPEN).length;
  const occupied = LEVELS.flatMap((l) =>
    LEVELS.filter((i) => matrix[l - 1][i - 1] > 0).map(
      (i) => `${matrix[l - 1][i - 1]} at likelihood ${l}, impact ${i}`,
    ),
  );
  const description =
    open === 0
      ? 'No open risk.'
      : `${open} open risk${open === 1 ? '' : 's'}: ${occupied.join('; ')}.`;
  const size = AXIS + CELL * 5;
  const cells = LEVELS.flatMap((likelihood) =>
    LEVELS.map((impact) => {
      const count = matrix[likelihood - 1][impact - 1];
      const x = AXIS + (impact - 1) * CELL;
      const y = (5 - likelihood) * CELL;
      const fill = FILL[severityOf(likelihood * impact)];
      return html`<rect
          x="${x}"
          y="${y}"
          width="${CELL}"
          height="${CELL}"
          fill="${fill}"
          fill-opacity="${count > 0 ? 1 : 0.18}"
          stroke="#ffffff"
          stroke-width="2"
        />${
          count > 0
            ? html`<text
                x="${x + CELL / 2}"
                y="${y + CELL / 2 + 6}"
                text-anchor="middle"
                font-size="18"
                font-weight="bold"
                fill="#ffffff"
                >${count}</text
              >`
            : null
        }`;
    }),
  );
  const axisLabels = LEVELS.map(
    (n) =>
      html`${axisLabel(AXIS - 8, (5 - n) * CELL + CELL / 2 + 5, 'end', n)}${axisLabel(
        AXIS + (n - 1) * CELL + CELL / 2,
        5 * CELL + 16,
        'middle',
        n,
      )}`,
  );
  return html`<svg
    class="heat-map"
    viewBox="-14 0 ${size + 14} ${size + 4}"
    role="img"
    aria-labelledby="heat-map-title heat-map-desc"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="heat-map-title">Risk heat map: likelihood by impact</title>
    <desc id="heat-map-desc">${description}</desc>
    ${cells}${axisLabels}
    <text
      x="${AXIS + (5 * CELL) / 2}"
      y="${size + 2}"
      text-anchor="middle"
      font-size="12"
      fill="#333333"
    >
      impact →
    </text>
    <text
      transform="rotate(-90)"
      x="${-(5 * CELL) / 2}"
      y="-2"
      text-anchor="middle"
      font-size="12"
      fill="#333333"
    >
      likelihood →
    </text>
  </svg>`;
}

function axisLabel(x: number, y: number, anchor: 'end' | 'middle', level: number): SafeHtml {
  return html`<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="13" fill="#333333"
    >${level}</text
  >`;
}
