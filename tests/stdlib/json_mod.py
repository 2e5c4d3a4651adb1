import json
data = {'name': 'Ada', 'langs': ['en', 'fr'], 'age': 36, 'pi': 3.14, 'ok': True, 'none': None, 'zh': '中文', 'nested': {'b': 1, 'a': [1, 2, {}], 'e': []}}
print(json.dumps(data))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps([1, 2, {'a': 1}], separators=(',', ':')))
print(json.dumps({1: 'int key', 2.5: 'f', True: 'b', None: 'n'}))
print(json.dumps('quote " and \\ and \n tab\t'), json.dumps((1, 2)), json.dumps(1e100), json.dumps(float('inf')))
s = json.dumps(data)
back = json.loads(s)
print(back == data, back['zh'], back['nested'])
print(json.loads('[1, 2.5, "x", true, false, null, {"a": {"b": []}}, -3e2, "\\u00e9\\n"]'))
for bad in ['{"a": }', '[1, 2', '{"a" 1}', "{'a': 1}", '[1] x', '"abc', '']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
try:
    json.loads('x')
except ValueError as e:
    print('ValueError caught:', e)
