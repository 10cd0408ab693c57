// What makes a BPMN diagram hard to read, measured in the SVG bpmn-js rendered (Cockpit's diagram, or any bpmn-js
// viewer): run as a WebDriver script, arguments[0] maps each flow node's id to
//   {kind: "activity" | "container" | "event" | "boundary" | "gateway" | "data", ancestors: [ids], host: id}
// ("activity": a task, call activity or collapsed sub-process, its name written inside; "container": an expanded
// sub-process, its name at its top left). Returns {measured: [ids of the shapes drawn on the plane shown],
// problems: [one sentence per problem, naming the elements by id]}:
//  - a task's name line touching its type icon (top left) or a marker (bottom), or spilling out of the task;
//  - two labels overlapping (names inside tasks and sub-processes, external names of events, gateways and flows);
//  - a label on another element or crossed by a flow, or across a sub-process's border;
//  - two shapes overlapping, except an element inside its sub-process and a boundary event on its host;
//  - a flow running across a shape other than its source and target.
// Everything is measured in diagram units (whatever the zoom), allowing half a unit for rounding.
const info = arguments[0];
const SLACK = 0.5;
const viewport = document.querySelector('.djs-container svg g.viewport');
if (!viewport) {
  return {measured: [], problems: ['no bpmn-js diagram on the page']};
}
const screen = viewport.getScreenCTM();

function box(node) {
  const r = node.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) {
    return null; // not displayed, e.g. on another plane
  }
  return {
    l: (r.left - screen.e) / screen.a, t: (r.top - screen.f) / screen.d,
    r: (r.right - screen.e) / screen.a, b: (r.bottom - screen.f) / screen.d
  };
}

function union(boxes) {
  const present = boxes.filter(b => b);
  if (present.length === 0) {
    return null;
  }
  return present.reduce((u, b) => ({
    l: Math.min(u.l, b.l), t: Math.min(u.t, b.t), r: Math.max(u.r, b.r), b: Math.max(u.b, b.b)
  }));
}

function overlap(a, b) {
  return a.l < b.r - SLACK && b.l < a.r - SLACK && a.t < b.b - SLACK && b.t < a.b - SLACK;
}

function inside(inner, outer) {
  return inner.l >= outer.l - SLACK && inner.t >= outer.t - SLACK
      && inner.r <= outer.r + SLACK && inner.b <= outer.b + SLACK;
}

function visual(id) {
  return document.querySelector('.djs-container g.djs-element[data-element-id="' + CSS.escape(id) + '"] > .djs-visual');
}

function lines(node) {
  return node ? Array.from(node.querySelectorAll(':scope > text tspan')).map(box).filter(b => b) : [];
}

const shapes = [];   // {id, kind, box}
const labels = [];   // {owner, what, box}
const problems = [];

const segments = []; // {id, box}: each straight piece of each flow, as wide as its stroke
for (const [id, element] of Object.entries(info)) {
  if (element.kind === 'flow') {
    const path = document.querySelector('.djs-container g.djs-connection[data-element-id="' + CSS.escape(id) + '"] > .djs-visual > path');
    const points = [];
    const numbers = path ? (path.getAttribute('d').match(/-?\d+(\.\d+)?/g) || []).map(Number) : [];
    for (let k = 0; k + 1 < numbers.length; k += 2) {
      points.push({x: numbers[k], y: numbers[k + 1]});
    }
    for (let k = 0; k + 1 < points.length; k++) {
      const p = points[k];
      const q = points[k + 1];
      segments.push({id, box: {l: Math.min(p.x, q.x) - 1, t: Math.min(p.y, q.y) - 1, r: Math.max(p.x, q.x) + 1, b: Math.max(p.y, q.y) + 1}});
    }
    continue;
  }
  const gfx = visual(id);
  if (!gfx || !gfx.firstElementChild) {
    continue;
  }
  const outline = box(gfx.firstElementChild);
  if (!outline) {
    continue;
  }
  shapes.push({id, kind: element.kind, box: outline});
  const own = lines(gfx);
  if (own.length > 0) {
    labels.push({owner: id, what: 'the name of ' + id, box: union(own)});
  }
  if (element.kind === 'activity') {
    const icons = Array.from(gfx.children)
        .filter(child => child !== gfx.firstElementChild && child.tagName.toLowerCase() !== 'text')
        .map(box).filter(b => b);
    own.forEach((line, index) => {
      if (icons.some(icon => overlap(line, icon))) {
        problems.push('line ' + (index + 1) + ' of the name of ' + id + ' touches its icon or marker');
      }
      if (!inside(line, outline)) {
        problems.push('line ' + (index + 1) + ' of the name of ' + id + ' spills out of the task');
      }
    });
  }
}

for (const labelGfx of document.querySelectorAll('.djs-container g.djs-element.djs-shape[data-element-id$="_label"] > .djs-visual')) {
  const id = labelGfx.parentElement.getAttribute('data-element-id');
  const owner = id.substring(0, id.length - '_label'.length);
  const text = union(lines(labelGfx));
  if (text) {
    labels.push({owner, what: 'the label of ' + owner, box: text});
  }
}

function related(a, b) {
  const ea = info[a.id];
  const eb = info[b.id];
  return ea.ancestors.includes(b.id) || eb.ancestors.includes(a.id) || ea.host === b.id || eb.host === a.id;
}

for (let i = 0; i < shapes.length; i++) {
  for (let j = i + 1; j < shapes.length; j++) {
    const a = shapes[i];
    const b = shapes[j];
    if (!related(a, b) && overlap(a.box, b.box)) {
      problems.push('shape ' + a.id + ' overlaps shape ' + b.id);
    }
  }
}

for (let i = 0; i < labels.length; i++) {
  for (let j = i + 1; j < labels.length; j++) {
    if (overlap(labels[i].box, labels[j].box)) {
      problems.push(labels[i].what + ' overlaps ' + labels[j].what);
    }
  }
}

for (const label of labels) {
  for (const shape of shapes) {
    if (shape.id === label.owner || !overlap(label.box, shape.box)) {
      continue;
    }
    if (shape.kind === 'container') {
      if (!inside(label.box, shape.box)) {
        problems.push(label.what + ' crosses the border of ' + shape.id);
      }
    } else {
      problems.push(label.what + ' lies on ' + shape.id);
    }
  }
}

for (const segment of segments) {
  const flow = info[segment.id];
  const ends = [flow.source, flow.target];
  for (const end of [flow.source, flow.target]) {
    if (info[end] && info[end].host) {
      ends.push(info[end].host);
    }
  }
  for (const shape of shapes) {
    if (shape.kind !== 'container' && !ends.includes(shape.id) && overlap(segment.box, shape.box)) {
      problems.push('flow ' + segment.id + ' runs across ' + shape.id);
    }
  }
  for (const label of labels) {
    if (overlap(segment.box, label.box)) {
      problems.push('flow ' + segment.id + ' runs across ' + label.what);
    }
  }
}

return {measured: shapes.map(shape => shape.id), problems: Array.from(new Set(problems))};
