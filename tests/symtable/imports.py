# Imports bind the first name of a dotted path, or the alias.
import os
import os.path
import xml.etree.ElementTree as ET
from collections import OrderedDict, defaultdict as dd
from . import sibling
from .. import parent as p
from .pkg.mod import thing
from os.path import *


def local_imports():
    import sys
    import email.mime.text
    from json import loads as parse
    return sys, email, parse


class WithImport:
    import re
    from math import pi
