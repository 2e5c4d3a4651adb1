# 练习4：多进程爬虫
# 用进程池同时爬取多个网页，把每个网页保存到输出目录中的一个文件里，
# 最后按 URL 排序打印汇总：状态码、字节数、文件名；
# 404 之类的 HTTP 错误（HTTPError）和连不上的主机（URLError）也要妥善处理。
#
# 用法:
#   spindle 04_crawler.py URL [URL ...]
# 没有给出 URL 时，从环境变量 CRAWLER_URLS 读取（用空白分隔）；
# 输出目录由环境变量 CRAWLER_OUT 指定，默认是当前目录下的 crawled_pages。
import multiprocessing
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_URLS = [
    "http://example.com/",
    "http://example.com/no-such-page",
    "http://localhost:1/",
]
TIMEOUT = 5  # 秒


def file_name_for(url):
    """由 URL 生成一个安全的文件名，例如 http://127.0.0.1:8000/a/b.html -> 127.0.0.1_a_b.html"""
    parts = urllib.parse.urlparse(url)
    path = parts.path.strip("/") or "index.html"
    name = (parts.hostname or "page") + "_" + path
    safe = ""
    for ch in name:
        safe += ch if (ch.isalnum() or ch in "._-") else "_"
    return safe


def crawl(job):
    """在子进程中运行：下载一个网页并保存。返回 (url, 状态码, 字节数, 文件名, 错误信息)。"""
    url, out_dir = job
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            data = response.read()
            status = response.status
    except urllib.error.HTTPError as e:
        # HTTPError 是 URLError 的子类，所以要先捕获它
        return (url, e.code, 0, None, f"HTTP 错误 {e.code} {e.reason}")
    except urllib.error.URLError as e:
        return (url, None, 0, None, f"无法访问: {e.reason}")
    except OSError as e:
        # 例如读取超时（TimeoutError）
        return (url, None, 0, None, f"网络错误: {e}")

    name = file_name_for(url)
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)
    return (url, status, len(data), name, None)


if __name__ == "__main__":
    urls = sys.argv[1:] or os.environ.get("CRAWLER_URLS", "").split() or DEFAULT_URLS
    out_dir = os.environ.get("CRAWLER_OUT", "crawled_pages")
    os.makedirs(out_dir, exist_ok=True)

    print(f"开始爬取 {len(urls)} 个网页")
    with multiprocessing.Pool(processes=3) as pool:
        results = pool.map(crawl, [(url, out_dir) for url in urls])

    print("爬取结果（按 URL 排序）:")
    ok = 0
    for url, status, size, name, error in sorted(results, key=lambda r: r[0]):
        if error is None:
            ok += 1
            print(f"  {url}  状态 {status}  {size} 字节  -> {name}")
        else:
            print(f"  {url}  失败: {error}")
    print(f"成功 {ok} 个，失败 {len(results) - ok} 个")
    print("保存的文件:", sorted(os.listdir(out_dir)))
