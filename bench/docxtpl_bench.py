"""Times docxtpl for compare.sh: python3 docxtpl_bench.py TEMPLATE ROWS REPEAT"""
import io, sys, time
from docxtpl import DocxTemplate

tpl, n, repeat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [{"name": "Organisation %d" % i, "amount": 1000 + i} for i in range(n)]
data = {"rows": rows}
for f in ["title", "area", "date", "lead", "police", "health", "council", "review", "contact", "version"]:
    data[f] = "The " + f
start = time.perf_counter()
for _ in range(repeat):
    doc = DocxTemplate(tpl)
    doc.render(data)
    doc.save(io.BytesIO())
print("%.3f" % ((time.perf_counter() - start) * 1000 / repeat))
