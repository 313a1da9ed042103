// One core kept busy until killed: `npm test -- --under-load` starts one per core, so every tier runs on a machine
// as busy as the one CI may land on. Arithmetic in a loop; nothing allocated, nothing written.
let x = 0;
for (;;) {
  for (let i = 0; i < 1e7; i++) x = (x * 31 + i) % 1000003;
  if (x === -1) console.log(x);
}
