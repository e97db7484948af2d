// Validates the Teams app package's manifest.json and its localization files against the official schemas
// shipped in @microsoft/app-manifest, for the manifestVersion the manifest declares:
// node validate-manifest.cjs <directory of the app package>. Prints each problem; exits 1 when there is any.
"use strict";
const fs = require("fs");
const path = require("path");
const { ManifestUtil } = require("@microsoft/app-manifest");
const Ajv04 = require("ajv-draft-04");
const addFormats = require("ajv-formats");

/**
 * The localization schema has patterns that are not valid as Unicode regular expressions (which
 * ManifestUtil compiles them as): checked with the same draft-04 validator without the Unicode flag.
 */
function validateLocalization(file, schema) {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ["uri", "email", "regex"]);
  const validate = ajv.compile(schema);
  return validate(file) ? [] : validate.errors.map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

async function main(dir) {
  const problems = [];
  const read = (file) => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  const manifest = read("manifest.json");
  const schemas = path.join(path.dirname(require.resolve("@microsoft/app-manifest")), "json-schemas", "teams",
    `v${manifest.manifestVersion}`);
  if (!fs.existsSync(schemas)) throw new Error(`no schema for manifestVersion ${manifest.manifestVersion}`);
  const schema = (name) => JSON.parse(fs.readFileSync(path.join(schemas, name), "utf8"));
  for (const e of await ManifestUtil.validateManifestAgainstSchema(manifest, schema("MicrosoftTeams.schema.json"))) {
    problems.push(`manifest.json: ${e}`);
  }
  const languages = (manifest.localizationInfo && manifest.localizationInfo.additionalLanguages) || [];
  for (const language of languages) {
    const file = read(language.file);
    for (const e of validateLocalization(file, schema("MicrosoftTeams.Localization.schema.json"))) {
      problems.push(`${language.file}: ${e}`);
    }
    // Every localized key must name something the manifest has.
    for (const key of Object.keys(file).filter((k) => k !== "$schema")) {
      const value = key.split(/\.(?![^[]*\])/).reduce((node, part) => {
        const m = part.match(/^(\w+)(?:\[(\d+)\])?$/);
        if (!node || !m) return undefined;
        const child = node[m[1]];
        return m[2] === undefined ? child : child && child[Number(m[2])];
      }, manifest);
      if (value === undefined) problems.push(`${language.file}: ${key} is not in the manifest`);
    }
  }
  for (const icon of Object.values(manifest.icons)) {
    if (!fs.existsSync(path.join(dir, icon))) problems.push(`icon ${icon} is missing`);
  }
  problems.forEach((p) => console.log(p));
  console.log(`manifest ${manifest.manifestVersion}, ${languages.length} localization(s), ${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
}

main(process.argv[2]).catch((e) => {
  console.log(String(e));
  process.exit(1);
});
