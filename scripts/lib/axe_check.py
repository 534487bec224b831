#!/usr/bin/env python3
"""axe-core in headless Chromium on a few pages of the test portal served on loopback: no
serious or critical violation.

    axe_check.py PORT
"""
import shutil, sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from axe_selenium_python import Axe
port = sys.argv[1]
pages = ["", "khoi-giao-uoc-thi-dua-cac-huyen-mien-dong-so-ket-6-thang-dau-nam-2019/",
         "chuyen-muc/tin-hoat-dong-cum-khoi/", "don-vi/", "tim-kiem/?q=thi+dua"]
options = webdriver.ChromeOptions()
for flag in ["--headless", "--no-sandbox", "--disable-gpu"]:
    options.add_argument(flag)
options.binary_location = shutil.which("chromium")
# Debian's driver, named explicitly: Selenium would otherwise try to download one.
driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
bad = []
try:
    for page in pages:
        driver.get(f"http://127.0.0.1:{port}/{page}")
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        for v in results["violations"]:
            if v["impact"] in ("serious", "critical"):
                bad.append(f"/{page}: {v['impact']}: {v['id']}: {v['help']}")
finally:
    driver.quit()
if bad:
    sys.exit("validate: axe-core:\n" + "\n".join(bad))
print(f"validate: axe-core: {len(pages)} pages, no serious or critical violation")
