// The floor: loads and activates on the same event as Activity Feed and does nothing, so the editor's figures for
// it are what any extension pays for being started at all.
'use strict';

exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
