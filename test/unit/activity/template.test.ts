import * as assert from 'node:assert/strict';
import { disclosureFor } from '../../../src/privacy/disclosure';
import { effectiveTemplate, renderText } from '../../../src/activity/renderText';
import { parseTemplate, renderTemplate, TEMPLATE_VARIABLES, withheldVariables } from '../../../src/activity/template';

describe('activity/template', () => {
  it('parses text and variables', () => {
    const parsed = parseTemplate('${fileName} in ${ workspace }');
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.parts, [
      { kind: 'variable', name: 'fileName' },
      { kind: 'text', text: ' in ' },
      { kind: 'variable', name: 'workspace' },
    ]);
  });

  it('names an unknown variable and lists the valid ones', () => {
    const [problem] = parseTemplate('${filename} on ${branch}').problems;
    assert.ok(problem);
    assert.match(problem, /Unknown template variable \$\{filename\}/);
    for (const name of TEMPLATE_VARIABLES) assert.ok(problem.includes(`\${${name}}`), name);
  });

  it('reports an unclosed variable', () => {
    assert.match(parseTemplate('oops ${fileName').problems.join(), /Unclosed/);
  });

  it('renders values, $$ as a literal dollar, and missing values as nothing', () => {
    const parsed = parseTemplate('$$ ${fileName} [${branch}]  ${language}');
    assert.equal(renderTemplate(parsed, { fileName: 'a.ts', language: 'TypeScript' }), '$ a.ts [] TypeScript');
  });

  it('drops separators left dangling by missing values and caps the length', () => {
    assert.equal(renderText('${relativePath} · ${workspace} · ${branch}', { relativePath: 'src/a.ts' }, 100), 'src/a.ts');
    assert.equal(
      renderText('${relativePath} · ${workspace} · ${branch}', { relativePath: 'a', branch: 'main' }, 100),
      'a · main',
    );
    assert.equal(renderText('${fileName}', { fileName: 'x'.repeat(300) }, 256).length, 256);
  });

  it('knows which variables a privacy level withholds', () => {
    const parsed = parseTemplate('${fileName} ${relativePath} ${branch} ${language} ${workspaceAlias}');
    assert.deepEqual(withheldVariables(parsed, disclosureFor('full')), []);
    assert.deepEqual(withheldVariables(parsed, disclosureFor('noRepository')), ['branch']);
    assert.deepEqual(withheldVariables(parsed, disclosureFor('fileNameOnly')), ['relativePath', 'branch']);
    assert.deepEqual(withheldVariables(parsed, disclosureFor('private')), ['fileName', 'relativePath', 'branch']);
  });

  it('replaces a template that would leak at the current level by the level’s default', () => {
    assert.equal(effectiveTemplate('${relativePath}', 'displayText', 'full'), '${relativePath}');
    assert.equal(effectiveTemplate('${relativePath}', 'displayText', 'private'), 'Editing a ${language} file');
    assert.equal(effectiveTemplate(undefined, 'description', 'private'), '${workspaceAlias}');
  });
});
