# profile_demo.py - the seed guide's cProfile example: find where the time goes
# before adding C types.
import cProfile


def time_critical_function():
    # Time-critical operations here
    my_list = [i for i in range(10**6)]
    result = sum(my_list)
    return result


if __name__ == "__main__":
    # Running cProfile to profile the function
    cProfile.run('time_critical_function()')
