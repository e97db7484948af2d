// Validates Adaptive Cards with Microsoft's adaptivecards package as Teams would render them (schema 1.5):
// node validate-cards.cjs <file with a JSON array of cards>. Prints each problem; exits 1 when there is any.
"use strict";
const fs = require("fs");
// The package's ES modules lack file extensions; its UMD bundle loads in plain Node.
const AC = require("adaptivecards/dist/adaptivecards.js");

const TEAMS_VERSION = new AC.Version(1, 5);
const cards = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const problems = [];

cards.forEach((json, i) => {
  const where = `card ${i} (${(json.body && json.body[0] && json.body[0].text || "").slice(0, 40)})`;
  const version = AC.Version.parse(json.version, new AC.SerializationContext());
  if (!version || !version.isValid || version.major > 1 || (version.major === 1 && version.minor > 5)) {
    problems.push(`${where}: version ${json.version} is not supported by Teams (at most 1.5)`);
  }
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(TEAMS_VERSION);
  card.parse(json, context);
  for (let e = 0; e < context.eventCount; e++) {
    problems.push(`${where}: ${context.getEventAt(e).message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`${where}: ${event.message}`);
  }
  // Everything the card holds must survive a round trip: nothing unknown at 1.5 is silently dropped.
  const kept = JSON.stringify(card.toJSON(new AC.SerializationContext(TEAMS_VERSION)));
  for (const type of new Set(JSON.stringify(json).match(/"type":"[A-Za-z.]+"/g) || [])) {
    if (!kept.includes(type)) problems.push(`${where}: ${type} is lost when the card is read at 1.5`);
  }
});

problems.forEach((p) => console.log(p));
console.log(`${cards.length} cards, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
