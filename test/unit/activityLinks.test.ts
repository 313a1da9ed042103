import * as assert from 'node:assert/strict';
import { activityIdOfLink, rememberLink } from '../../src/publish/activityLinks';
import { buildHandlerActivationUrl, OPEN_ACTIVITY_PATH } from '../../src/activity';

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
});
