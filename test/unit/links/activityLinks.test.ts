import * as assert from 'node:assert/strict';
import { activityIdOfLink, linkTargetOf, rememberLink } from '../../../src/links/activityLinks';
import { buildHandlerActivationUrl, OPEN_ACTIVITY_PATH } from '../../../src/links/activationUrl';

describe('activity links', () => {
  it('reads back the id of a link the mapper built, whatever characters the id holds', () => {
    const id = 'h:4704a0fe/with ?odd#chars%';
    const link = new URL(buildHandlerActivationUrl('vscode', id));
    assert.equal(activityIdOfLink(link.pathname, link.search, OPEN_ACTIVITY_PATH), id);
    assert.equal(activityIdOfLink('/other', link.search, OPEN_ACTIVITY_PATH), undefined);
  });

  it('keeps the most recently seen targets within its capacity', () => {
    let table = {};
    for (let i = 0; i < 5; i++) table = rememberLink(table, `id${i}`, { documentUri: `file:///f${i}.ts` }, i, 3);
    assert.deepEqual(Object.keys(table).sort(), ['id2', 'id3', 'id4']);
  });

  it('finds only targets it recorded: a link naming __proto__, constructor or toString finds nothing', () => {
    const table = rememberLink({}, 'known', { documentUri: 'file:///a.ts' }, 1);
    assert.equal(linkTargetOf(table, 'known')?.documentUri, 'file:///a.ts');
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      assert.equal(linkTargetOf(table, id), undefined, id);
  });

  it('records and finds an id that happens to be __proto__ as an ordinary entry', () => {
    const table = rememberLink({}, '__proto__', { documentUri: 'file:///p.ts' }, 1);
    assert.equal(Object.getPrototypeOf(table), Object.prototype, 'the table’s prototype is untouched');
    assert.equal(linkTargetOf(table, '__proto__')?.documentUri, 'file:///p.ts');
  });
});
