// Validates Adaptive Cards with Microsoft's adaptivecards library (teams-bot-protocol.md §6.8), parsing as Teams
// does (1.5), plus what the library does not check: version ≤ 1.5, a verb on every Action.Execute, refresh.userIds ≤ 60.
// Usage: node validate-cards.mjs <node_modules folder> <cards.json>, where cards.json is {"name": card, ...}.
// Prints {"name": ["problem", ...], ...}; an empty list means the card is valid.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [modulesDir, cardsFile] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
// The ESM build fails on Node 20 (extensionless imports); the UMD bundle works without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js');

function problemsOf(json) {
  const problems = [];
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(new AC.Version(1, 5));
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of card.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  const [major, minor] = String(json.version ?? '').split('.').map(Number);
  if (!(major === 1 && minor <= 5)) problems.push(`version ${json.version} is not ≤ 1.5`);
  walk(json, (node) => {
    if (node.type === 'Action.Execute' && !node.verb) problems.push(`Action.Execute "${node.title ?? ''}" has no verb`);
  });
  const userIds = json.refresh?.userIds;
  if (Array.isArray(userIds) && userIds.length > 60) problems.push(`refresh.userIds has ${userIds.length} ids (at most 60)`);
  return problems;
}

function walk(node, visit) {
  if (Array.isArray(node)) { node.forEach((n) => walk(n, visit)); return; }
  if (node && typeof node === 'object') { visit(node); Object.values(node).forEach((v) => walk(v, visit)); }
}

const cards = JSON.parse(readFileSync(cardsFile, 'utf8'));
const result = {};
for (const [name, json] of Object.entries(cards)) {
  try { result[name] = problemsOf(json); } catch (error) { result[name] = [`parse failed: ${error.message}`]; }
}
process.stdout.write(JSON.stringify(result));
