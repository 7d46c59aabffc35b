// Times docxtemplater for compare.sh: node docxtemplater.js TEMPLATE ROWS REPEAT
const fs = require("fs");
const PizZip = require("pizzip");
const Docxtemplater = require("docxtemplater");
const [tpl, n, repeat] = [process.argv[2], +process.argv[3], +process.argv[4]];
const rows = Array.from({ length: n }, (_, i) => ({ name: `Organisation ${i}`, amount: 1000 + i }));
const data = { rows };
for (const f of ["title", "area", "date", "lead", "police", "health", "council", "review", "contact", "version"]) data[f] = `The ${f}`;
const src = fs.readFileSync(tpl);
const start = process.hrtime.bigint();
for (let i = 0; i < repeat; i++) {
  const doc = new Docxtemplater(new PizZip(src), { paragraphLoop: true, linebreaks: true, delimiters: { start: "{{", end: "}}" } });
  doc.render(data);
  doc.getZip().generate({ type: "nodebuffer", compression: "DEFLATE" });
}
console.log((Number(process.hrtime.bigint() - start) / 1e6 / repeat).toFixed(3));
