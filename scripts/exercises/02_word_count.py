# 练习2：多进程文件处理
# 先在临时目录里写几个示例文件，再用进程池并行统计每个文件的单词数。
import multiprocessing
import os
import shutil
import tempfile

# 示例文件：文件名 -> 内容
SAMPLES = {
    "zen.txt": (
        "Beautiful is better than ugly.\n"
        "Explicit is better than implicit.\n"
        "Simple is better than complex.\n"
    ),
    "hello.txt": "hello world\n",
    "empty.txt": "",
    "poem.txt": (
        "The woods are lovely, dark and deep,\n"
        "But I have promises to keep,\n"
        "And miles to go before I sleep,\n"
        "And miles to go before I sleep.\n"
    ),
    "mixed.txt": "多进程 multiprocessing  模块\n\tsplits   on any   whitespace\n",
}


def count_words(path):
    """在子进程中运行：读取一个文件，返回 (文件名, 单词数, 行数)。"""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return os.path.basename(path), len(text.split()), len(text.splitlines())


def make_samples(folder):
    paths = []
    for name, text in SAMPLES.items():
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(path)
    return paths


if __name__ == "__main__":
    folder = tempfile.mkdtemp(prefix="word_count_")
    try:
        paths = make_samples(folder)
        print(f"创建了 {len(paths)} 个示例文件")

        # imap_unordered 谁先算完就先返回谁，顺序不固定，所以最后按文件名排序
        with multiprocessing.Pool(processes=3) as pool:
            results = list(pool.imap_unordered(count_words, paths))

        total = 0
        for name, words, lines in sorted(results):
            print(f"{name}: {words} 个单词, {lines} 行")
            total += words
        print(f"总计: {len(results)} 个文件, {total} 个单词")
    finally:
        # 清理临时目录
        shutil.rmtree(folder)
    print("临时目录已删除:", not os.path.exists(folder))
