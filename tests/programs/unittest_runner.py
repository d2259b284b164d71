import io
import unittest


class T(unittest.TestCase):
    def setUp(self):
        self.items = [1, 2]

    def test_eq(self):
        self.assertEqual(self.items, [1, 2])

    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])

    def test_err(self):
        {}["k"]

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xf(self):
        self.assertTrue(False)

    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaisesRegex(ValueError, "bad"):
            raise ValueError("bad input")
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertIn("a", "cat")
        self.assertIsNone(None)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])

    def test_dict_diff(self):
        self.assertDictEqual({"a": 1}, {"a": 2})


suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
buf = io.StringIO()
result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), result.wasSuccessful())
for test, text in result.failures + result.errors:
    lines = text.splitlines()
    print(test.id(), "|", lines[-1])
print([line for line in buf.getvalue().splitlines() if line.startswith("test_")])
