package cn.yibao.portal.upstream;

/** The name a file is recorded under: the last path segment, printable, at most 255 characters. */
final class FileNames {

    static final String UNNAMED = "未命名文件";

    private FileNames() {
    }

    static String clean(String name) {
        if (name == null) {
            return UNNAMED;
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (printable.isEmpty()) {
            return UNNAMED;
        }
        return printable.length() <= 255 ? printable : printable.substring(0, 255);
    }
}
