package cn.yibao.portal.upstream;

import java.util.Optional;

/** The name a file is recorded under: the last path segment, printable, at most 255 characters; none if that is empty. */
final class FileNames {

    private FileNames() {
    }

    static Optional<String> clean(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = last.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (printable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(printable.length() <= 255 ? printable : printable.substring(0, 255));
    }
}
