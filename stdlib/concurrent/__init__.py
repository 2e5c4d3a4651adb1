# concurrent: the package; its module is concurrent.futures.
