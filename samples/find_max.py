# find_max.py - the seed guide's time-complexity example: two ways to find
# the largest element of a list.  Both are O(n); max() does the loop in C.


def find_max_element(lst):
    max_element = lst[0]
    for element in lst:
        if element > max_element:
            max_element = element
    return max_element


def optimized_find_max_element(lst):
    return max(lst)


if __name__ == "__main__":
    data = [(i * 7919) % 10007 for i in range(100000)]
    assert find_max_element(data) == optimized_find_max_element(data)
    print(find_max_element(data))
