package leaderlab.app.window;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.shell.command.Session;
import leaderlab.shell.export.PictureExport;

/**
 * {@code export png|svg FILE}: the {@link ExportPicture} of the current cluster, in the light palette
 * (projectors wash dark ones out). Runs on the command thread with no JavaFX toolkit, so it works in
 * the shell alone too.
 */
public final class PictureExporter implements PictureExport {

    @Override
    public boolean draws(String format) {
        return format.equals("png") || format.equals("svg");
    }

    @Override
    public String write(String format, Path file, Session session) throws IOException {
        ClusterSnapshot snapshot = session.cluster().snapshot();
        ExportPicture picture = new ExportPicture(snapshot, session.cluster().journal(), Palette.LIGHT);
        if (format.equals("svg")) {
            SvgSketch svg = new SvgSketch(ExportPicture.WIDTH, picture.height());
            picture.draw(svg);
            Files.writeString(file, svg.finish(), StandardCharsets.UTF_8);
        } else {
            RasterSketch raster = new RasterSketch(ExportPicture.WIDTH, picture.height(), 1);
            picture.draw(raster);
            if (!ImageIO.write(raster.finish(), "png", file.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        }
        return String.format(
                java.util.Locale.ROOT,
                "wrote a %dx%d %s of the cluster at %.3fs to %s",
                (int) ExportPicture.WIDTH,
                (int) Math.ceil(picture.height()),
                format.toUpperCase(java.util.Locale.ROOT),
                snapshot.timeMs() / 1000.0,
                file);
    }
}
