#!/usr/bin/env python3
"""Drives a running preview server in headless Chromium as an editor would: the counter
fills, an edit reloads the page, a broken file shows its error, a fix clears it.

    preview_browser.py URL SITE_DIR SHOTS_DIR
"""
import pathlib, shutil, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, site, shots = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
article_url = url + "tin-hoat-dong-khoi-noi-chinh/"
article = site / "content/articles/2019/khoi-noi-chinh-2019-12-04.md"
broken = site / "content/articles/2026/hong.md"

options = webdriver.ChromeOptions()
options.binary_location = shutil.which("chromium")
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1800"):
    options.add_argument(flag)
driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
wait = WebDriverWait(driver, 30, poll_frequency=0.1)
def counter():
    return {k: driver.find_element(By.CSS_SELECTOR, f'[data-counter="{k}"]').text
            for k in ("online", "today", "month", "total")}
try:
    driver.get(article_url)
    wait.until(lambda d: counter()["total"].replace(".", "").isdigit())
    first = counter()
    print("preview-check: counter block filled from /api/counter:", first)
    driver.execute_script("document.querySelector('.counter').scrollIntoView()")
    driver.save_screenshot(str(shots / "counter.png"))

    # The page must reload by itself: a marker set now is gone after a reload.
    driver.execute_script("window.__beforeEdit = true")
    article.write_text(article.read_text(encoding="utf-8") + "\nĐoạn này được thêm khi trang đang mở.\n", encoding="utf-8")
    started = time.monotonic()
    wait.until(lambda d: d.execute_script("return window.__beforeEdit === undefined")
               and "Đoạn này được thêm khi trang đang mở." in d.page_source)
    print(f"preview-check: page reloaded with the edit after {time.monotonic() - started:.2f} s")
    wait.until(lambda d: counter()["total"].replace(".", "").isdigit()
               and int(counter()["total"].replace(".", "")) > int(first["total"].replace(".", "")))
    after = counter()
    assert after["online"] == first["online"], (first, after)  # the same browser is one visitor
    print("preview-check: the reload counted one more view:", after)
    driver.save_screenshot(str(shots / "reloaded.png"))

    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("---\ntitle: [chưa đóng ngoặc\ndate: 2026-11-20\n---\nx\n", encoding="utf-8")
    wait.until(lambda d: d.find_elements(By.ID, "preview-build-errors"))
    where = driver.find_element(By.CSS_SELECTOR, "#preview-build-errors .preview-error-location").text
    assert where.startswith("content/articles/2026/hong.md:"), where
    print("preview-check: error overlay shows", where)
    driver.save_screenshot(str(shots / "error-overlay.png"))

    broken.write_text("---\ntitle: \"Bài đã sửa\"\ndate: 2026-11-20\ncategory: khoi-thi-dua\n---\nx\n", encoding="utf-8")
    wait.until(lambda d: not d.find_elements(By.ID, "preview-build-errors"))
    print("preview-check: fixing the file cleared the overlay")
finally:
    driver.quit()
